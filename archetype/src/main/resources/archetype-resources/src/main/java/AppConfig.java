package ${package};

import ${package}.auth.Email;
import dev.mainstay.core.config.ConfigReader;
import dev.mainstay.core.config.Secret;
import dev.mainstay.security.password.PasswordPolicy;
import java.util.Optional;

/**
 * The service's own settings, the {@code app.*} keys. Immutable.
 *
 * @param adminEmail the e-mail address of the first admin, created at start-up if missing
 * @param adminPassword that admin's password; used only when the account is created
 */
public record AppConfig(Optional<String> adminEmail, Optional<Secret> adminPassword) {

    /**
     * Reads the section; never throws, records every problem on {@code reader}.
     *
     * @param reader the reader of the one {@code bind} call at start-up
     * @param policy the rules the admin's password must follow, like every new password
     * @return the settings
     */
    public static AppConfig from(ConfigReader reader, PasswordPolicy policy) {
        Optional<String> email = reader.optionalString("app.admin-email").map(Email::normalize);
        Optional<Secret> password = reader.secret("app.admin-password");
        if (email.isPresent() && !Email.isValid(email.get())) {
            reader.problem("app.admin-email", email.get(), "must be an e-mail address, e.g. admin@example.com");
        }
        if (email.isPresent() && password.isEmpty()) {
            reader.problem("app.admin-password", null, "is required with app.admin-email: the first admin's password");
        }
        password.flatMap(secret -> policy.violation(secret.reveal())).ifPresent(weak ->
                reader.secretProblem("app.admin-password", weak.getMessage()));
        if (password.isPresent() && email.isEmpty()) {
            reader.problem("app.admin-email", null, "is required with app.admin-password: the first admin's address");
        }
        return new AppConfig(email, password);
    }
}
