package dev.mainstay.examples.realworld.users;

/**
 * A stored user, as the service needs it (the API never sees the password hash).
 *
 * @param id the primary key
 * @param username the unique public name
 * @param email the unique, lower-cased e-mail address
 * @param passwordHash the bcrypt hash
 * @param bio free text, or {@code null}
 * @param image a picture URL, or {@code null}
 */
public record UserRow(long id, String username, String email, String passwordHash, String bio, String image) {

    /** Hides the hash from logs. */
    @Override
    public String toString() {
        return "UserRow[id=" + id + ", username=" + username + "]";
    }
}
