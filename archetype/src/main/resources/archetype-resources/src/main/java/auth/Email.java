package ${package}.auth;

import dev.mainstay.core.problem.Validation;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules for e-mail addresses: a pragmatic syntax check (one {@code @}, a dot in the domain, no
 * spaces or control characters, {@linkplain Validation#isStorable storable}), at most 254 characters
 * (code points), compared and stored lower-cased.
 */
public final class Email {
    /** Longest address, as SMTP allows it (RFC 5321). */
    public static final int MAX_LENGTH = 254;

    private static final Pattern SYNTAX = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}.]+");

    private Email() {}

    /**
     * Returns the form in which an address is stored and looked up: trimmed and lower-cased.
     *
     * @param email the address as given, may be {@code null}
     * @return the normalized address, or {@code null} for {@code null}
     */
    public static String normalize(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Tells whether a normalized address is acceptable.
     *
     * @param email the normalized address, may be {@code null}
     * @return {@code true} if it is short enough and looks like an address
     */
    public static boolean isValid(String email) {
        return email != null
                && email.codePointCount(0, email.length()) <= MAX_LENGTH
                && Validation.isStorable(email)
                && SYNTAX.matcher(email).matches();
    }
}
