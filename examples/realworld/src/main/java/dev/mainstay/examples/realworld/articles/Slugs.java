package dev.mainstay.examples.realworld.articles;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns article titles into URL names: "How to Train Your Dragon!" becomes {@code how-to-train-your-dragon}.
 *
 * <p>Accents are stripped, anything but ASCII letters and digits becomes one dash, and the result is at
 * most {@value #MAX_BASE} characters. A title with nothing left (e.g. only emoji) gives {@code article}.
 * When a slug is taken, {@link #withSuffix} appends a short random suffix. Thread-safe.
 */
final class Slugs {
    static final int MAX_BASE = 200;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Slugs() {}

    static String of(String title) {
        String ascii =
                MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFD)).replaceAll("");
        String slug = NOT_ALNUM.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        if (slug.length() > MAX_BASE) {
            slug = slug.substring(0, MAX_BASE);
        }
        slug = EDGE_DASHES.matcher(slug).replaceAll("");
        return slug.isEmpty() ? "article" : slug;
    }

    /** Returns {@code base} with a dash and six random letters or digits, to make a taken slug unique. */
    static String withSuffix(String base) {
        char[] suffix = new char[6];
        for (int i = 0; i < suffix.length; i++) {
            suffix[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return base + "-" + new String(suffix);
    }
}
