package dev.mainstay.examples.realworld.users;

import dev.mainstay.core.problem.Validation;
import dev.mainstay.security.password.PasswordPolicy;
import java.util.regex.Pattern;

/** What a valid username, e-mail, password, bio and image are; shared by registration and update. */
final class UserRules {
    static final String TAKEN = "has already been taken";
    static final int MAX_USERNAME = 64;
    static final int MAX_EMAIL = 254;
    static final int MAX_TEXT = 2000;
    // Usernames appear in URLs (/api/profiles/{username}), so they keep to characters that need no escaping.
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}_.-]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private UserRules() {}

    static void username(Validation v, String pointer, String username) {
        v.notBlank(pointer, username)
                .maxLength(pointer, username, MAX_USERNAME)
                .matches(pointer, username, USERNAME, "may contain only letters, digits, '_', '.' and '-'");
    }

    static void email(Validation v, String pointer, String email) {
        v.notBlank(pointer, email)
                .maxLength(pointer, email, MAX_EMAIL)
                .matches(pointer, email, EMAIL, "is not a valid e-mail address");
        v.storable(pointer, email);
    }

    static void password(Validation v, String pointer, String password, PasswordPolicy policy) {
        policy.violation(password).ifPresent(rejected -> v.check(false, pointer, rejected.getMessage()));
    }

    static void profile(Validation v, String wrapper, String bio, String image) {
        v.maxLength(wrapper + "/bio", bio, MAX_TEXT).maxLength(wrapper + "/image", image, MAX_TEXT);
        v.storable(wrapper + "/bio", bio);
        v.storable(wrapper + "/image", image);
    }

    /** The spec's UpdateUserRequest: "At least one field is required." */
    static void anyChange(Validation v, String pointer, UpdateUser input) {
        boolean any = input.email() != null
                || input.username() != null
                || input.password() != null
                || input.bio() != null
                || input.image() != null;
        v.check(any, pointer, "must contain at least one of email, username, password, bio, image");
    }

    /** Returns {@code user} with the given changes; an empty bio or image clears it. */
    static UserRow apply(UserRow user, UpdateUser input, String email, String passwordHash) {
        return new UserRow(
                user.id(),
                input.username() != null ? input.username() : user.username(),
                email != null ? email : user.email(),
                passwordHash != null ? passwordHash : user.passwordHash(),
                input.bio() != null ? emptyToNull(input.bio()) : user.bio(),
                input.image() != null ? emptyToNull(input.image()) : user.image());
    }

    private static String emptyToNull(String text) {
        return text.isBlank() ? null : text;
    }
}
