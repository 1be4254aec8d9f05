package dev.mainstay.security.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The bundled lists of common passwords: zxcvbn's, of 8 or more characters, and the 3,000 most common of
 * 12 or more (the default minimum length), so that the check holds ASVS 6.2.4 at the default policy
 * (see the {@code .SOURCE.md} file beside each list for its origin and licence).
 *
 * <p>Loaded once, on first use, by the class-holder idiom; about 14,600 entries (~1.2 MB of heap).
 */
final class CommonPasswords {
    private static final List<String> RESOURCES = List.of("common-passwords.txt", "common-passwords-long.txt");

    private CommonPasswords() {}

    /** Tells whether {@code password} is on the list, ignoring case. */
    static boolean contains(String password) {
        return Holder.PASSWORDS.contains(password.toLowerCase(Locale.ROOT));
    }

    private static final class Holder {
        static final Set<String> PASSWORDS = load();
    }

    private static Set<String> load() {
        Set<String> passwords = new HashSet<>(32_768);
        for (String resource : RESOURCES) {
            readInto(passwords, resource);
        }
        return Set.copyOf(passwords);
    }

    private static void readInto(Set<String> passwords, String resource) {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + resource + " is missing from mainstay-security");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                passwords.add(line.strip().toLowerCase(Locale.ROOT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
