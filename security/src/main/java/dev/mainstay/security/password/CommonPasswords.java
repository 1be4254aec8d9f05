package dev.mainstay.security.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The bundled list of common passwords (see {@code common-passwords.SOURCE.md} beside the list).
 *
 * <p>Loaded once, on first use, by the class-holder idiom; about 12,000 entries (~1 MB of heap).
 */
final class CommonPasswords {
    private static final String RESOURCE = "common-passwords.txt";

    private CommonPasswords() {}

    /** Tells whether {@code password} is on the list, ignoring case. */
    static boolean contains(String password) {
        return Holder.PASSWORDS.contains(password.toLowerCase(Locale.ROOT));
    }

    private static final class Holder {
        static final Set<String> PASSWORDS = load();
    }

    private static Set<String> load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + RESOURCE + " is missing from mainstay-security");
            }
            Set<String> passwords = new HashSet<>(16_384);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                passwords.add(line.strip().toLowerCase(Locale.ROOT));
            }
            return Set.copyOf(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
