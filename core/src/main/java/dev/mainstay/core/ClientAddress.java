package dev.mainstay.core;

import io.javalin.config.Key;
import io.javalin.http.Context;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;

/**
 * The address of the client that sent a request, as far as this server can trust it: what a login
 * throttle, an audit line or an allow-list should key on.
 *
 * <pre>{@code
 * String key = ClientAddress.of(ctx).throttleKey();   // "203.0.113.7", or "2001:db8:1:2::/64"
 * }</pre>
 *
 * <p>Without {@code http.trusted-proxies} (the default) it is the socket peer, and forwarding headers are
 * ignored, since any client can send them. When the peer is a trusted proxy, the header named by
 * {@code http.forwarded-header} ({@code X-Forwarded-For} by default, or {@code Forwarded}) is read from the
 * right, the end the proxies append to, skipping trusted proxies: the first address that is not one is
 * the client. Everything left of it was written by the client and is ignored. If a hop is not an IP
 * address ({@code unknown}, an obfuscated RFC 7239 name), the walk stops at the last address it trusts.
 * Mainstay also makes Javalin's {@code ctx.ip()} answer this address.
 *
 * @param address the client's address; {@code 0.0.0.0} if the connection had no IP peer at all
 */
public record ClientAddress(InetAddress address) {
    static final Key<Forwarding> KEY = new Key<>("mainstay.forwarding");

    /** What an app's config says about proxies; one per server, shared by every request. */
    record Forwarding(TrustedProxies proxies, ServerConfig.ForwardedHeader header) {}

    /**
     * Rejects a {@code null} address.
     *
     * @param address the client's address
     * @throws NullPointerException if {@code address} is {@code null}
     */
    public ClientAddress {
        Objects.requireNonNull(address, "address");
    }

    /**
     * Returns the client address of {@code ctx}, following forwarding headers only from trusted proxies.
     * Call it from a handler of a Mainstay app; it parses the headers on every call, so keep the result
     * if it is needed twice.
     *
     * @param ctx the request, of an app that Mainstay set up (it holds the proxy settings)
     * @return the client's address; the socket peer unless that peer is a trusted proxy
     */
    public static ClientAddress of(Context ctx) {
        InetAddress peer = TrustedProxies.literal(ctx.req().getRemoteAddr());
        if (peer == null) {
            peer = unspecified(); // not an IP connection (e.g. a Unix socket): no address to trust or key on
        }
        Forwarding forwarding = ctx.appData(KEY);
        if (forwarding.proxies().isEmpty() || !forwarding.proxies().contains(peer)) {
            return new ClientAddress(peer);
        }
        List<String> hops = forwarding.header() == ServerConfig.ForwardedHeader.FORWARDED
                ? forwardedFor(ctx.req().getHeaders("Forwarded"))
                : xForwardedFor(ctx.req().getHeaders("X-Forwarded-For"));
        return new ClientAddress(resolve(peer, hops, forwarding.proxies()));
    }

    /**
     * Returns the key under which a throttle should count this client: the address itself for IPv4, and
     * its /64 network for IPv6, written like {@code 2001:db8:1:2::/64}. One IPv6 subscriber usually holds
     * a whole /64 and can pick a fresh address from it for every request, so counting single IPv6
     * addresses would never limit anyone.
     *
     * @return the IPv4 address as text, or the IPv6 /64 network as text with the {@code /64} suffix
     */
    public String throttleKey() {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        StringBuilder key = new StringBuilder(24);
        for (int group = 0; group < 4; group++) {
            int value = (bytes[2 * group] & 0xFF) << 8 | (bytes[2 * group + 1] & 0xFF);
            key.append(Integer.toHexString(value)).append(':');
        }
        return key.append(":/64").toString();
    }

    /** The address as text, e.g. {@code 203.0.113.7} or {@code 2001:db8:0:0:0:0:0:1}. */
    @Override
    public String toString() {
        return address.getHostAddress();
    }

    /**
     * Walks the hops from the right: the peer first, then each address a trusted proxy appended.
     *
     * @param peer the socket peer, already known to be trusted or not
     * @param hops the forwarded addresses, left (the original client) to right (the nearest proxy)
     */
    static InetAddress resolve(InetAddress peer, List<String> hops, TrustedProxies trusted) {
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0 && trusted.contains(client); i--) {
            InetAddress hop = hop(hops.get(i));
            if (hop == null) {
                break; // a trusted proxy writes addresses; this one is unknown, so stop at the last we trust
            }
            client = hop;
        }
        return client;
    }

    /** {@code X-Forwarded-For: 203.0.113.7, 10.0.0.2}, possibly over several header lines. */
    static List<String> xForwardedFor(Enumeration<String> lines) {
        List<String> hops = new ArrayList<>();
        while (lines.hasMoreElements()) {
            for (String hop : lines.nextElement().split(",", -1)) {
                hops.add(hop.trim());
            }
        }
        return hops;
    }

    /** {@code Forwarded: for=203.0.113.7;proto=https, for="[2001:db8::1]:4711"} (RFC 7239). */
    static List<String> forwardedFor(Enumeration<String> lines) {
        List<String> hops = new ArrayList<>();
        while (lines.hasMoreElements()) {
            for (String element : lines.nextElement().split(",", -1)) {
                String node = "";
                for (String pair : element.split(";", -1)) {
                    String trimmed = pair.trim();
                    if (trimmed.regionMatches(true, 0, "for=", 0, 4)) {
                        node = trimmed.substring(4);
                    }
                }
                hops.add(node);
            }
        }
        return hops;
    }

    /** One hop: an IP address, perhaps quoted, bracketed or with a port; {@code null} if it is none. */
    private static InetAddress hop(String text) {
        String hop = text;
        if (hop.length() >= 2 && hop.charAt(0) == '"' && hop.charAt(hop.length() - 1) == '"') {
            hop = hop.substring(1, hop.length() - 1);
        }
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            return close < 0 ? null : TrustedProxies.literal(hop.substring(0, close + 1));
        }
        int colon = hop.indexOf(':');
        if (colon >= 0 && colon == hop.lastIndexOf(':')) {
            hop = hop.substring(0, colon); // IPv4 with a port
        }
        return TrustedProxies.literal(hop);
    }

    private static InetAddress unspecified() {
        return TrustedProxies.literal("0.0.0.0");
    }
}
