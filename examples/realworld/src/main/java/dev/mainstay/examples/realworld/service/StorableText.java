package dev.mainstay.examples.realworld.service;

import dev.mainstay.core.problem.Validation;

/**
 * Text that the database stores and gives back unchanged: no NUL character (PostgreSQL's text types
 * refuse it) and no unpaired UTF-16 surrogate (JSON's {@code "\ud800"} escape can make one, but it is
 * not Unicode and no UTF-8 column or response can carry it).
 */
final class StorableText {
    static final String MESSAGE = "must not contain NUL or unpaired surrogate characters";

    private StorableText() {}

    /** Adds an error at {@code pointer} unless {@code text} is storable; {@code null} passes. */
    static Validation check(Validation v, String pointer, String text) {
        return v.check(text == null || isStorable(text), pointer, MESSAGE);
    }

    static boolean isStorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0' || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
