package dev.mainstay.core;

import dev.mainstay.core.problem.Validation;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The reverse proxies whose forwarding headers are believed ({@code http.trusted-proxies}): a list of
 * CIDR blocks such as {@code 10.0.0.0/8} or {@code fd00::/8}, or single addresses. Immutable.
 *
 * <p>Addresses are parsed here, never looked up: a host name in the config is refused rather than
 * resolved, and a header value that is not an IP literal is never sent to DNS.
 */
final class TrustedProxies {
    static final TrustedProxies NONE = new TrustedProxies(List.of());

    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** Parses blocks that {@link #problemWith} accepted; an invalid one is a bug of the caller. */
    static TrustedProxies of(List<String> cidrs) {
        List<Block> blocks = new ArrayList<>();
        for (String cidr : cidrs) {
            Block block = block(cidr);
            if (block == null) {
                throw new IllegalArgumentException("Not a CIDR block: " + cidr);
            }
            blocks.add(block);
        }
        return blocks.isEmpty() ? NONE : new TrustedProxies(blocks);
    }

    /** Returns what is wrong with one item of {@code http.trusted-proxies}, as a fix, or {@code null}. */
    static String problemWith(String cidr) {
        Block block = block(cidr);
        if (block == null) {
            return "must be IP addresses or CIDR blocks, comma-separated, e.g. 10.0.0.0/8,192.168.1.10,fd00::/8"
                    + " (host names are not resolved)";
        }
        byte[] masked = block.network().clone();
        for (int bit = block.prefix(); bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        if (!Arrays.equals(masked, block.network())) {
            return "has bits set after the /" + block.prefix() + " prefix; did you mean " + text(masked) + "/"
                    + block.prefix() + "?";
        }
        return null;
    }

    boolean isEmpty() {
        return blocks.isEmpty();
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Block block : blocks) {
            if (block.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    private static Block block(String cidr) {
        String text = cidr.trim();
        int slash = text.indexOf('/');
        InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
        if (address == null) {
            return null;
        }
        int bits = address.getAddress().length * 8;
        if (slash < 0) {
            return new Block(address.getAddress(), bits);
        }
        long prefix = Validation.parseWholeNumber(text.substring(slash + 1), 0, bits)
                .orElse(-1);
        return prefix < 0 ? null : new Block(address.getAddress(), (int) prefix);
    }

    /**
     * Parses an IPv4 literal ({@code 192.0.2.1}) or an IPv6 literal, bracketed or not, without any DNS
     * lookup; an IPv4-mapped IPv6 address comes back as IPv4.
     *
     * @return the address, or {@code null} if {@code text} is not an IP literal
     */
    static InetAddress literal(String text) {
        if (text.length() >= 2 && text.charAt(0) == '[' && text.charAt(text.length() - 1) == ']') {
            text = text.substring(1, text.length() - 1);
        }
        if (text.isEmpty() || text.length() > 45) {
            return null;
        }
        if (text.indexOf(':') >= 0) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                if (!hex && c != ':' && c != '.') {
                    return null;
                }
            }
            try {
                // Only hex digits, ':' and '.', with a ':': the JDK parses it as an IPv6 literal and,
                // when that fails, throws instead of asking DNS.
                return InetAddress.getByName(text);
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return ipv4(text);
    }

    private static InetAddress ipv4(String text) {
        byte[] bytes = new byte[4];
        int part = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && text.charAt(i) != '.') {
                continue;
            }
            String digits = text.substring(start, i);
            // "010" is octal to some parsers and decimal to others: refuse the ambiguity.
            boolean leadingZero = digits.length() > 1 && digits.charAt(0) == '0';
            long value = Validation.parseWholeNumber(digits, 0, 255).orElse(-1);
            if (part == 4 || digits.length() > 3 || leadingZero || value < 0) {
                return null;
            }
            bytes[part++] = (byte) value;
            start = i + 1;
        }
        if (part != 4) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static String text(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a masked address has the length of the original", e);
        }
    }
}
