package dev.mainstay.benchmarks.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Checks that sessions and login throttling work across instances of one service that share a
 * database: an access token issued by one instance is accepted by the others, refresh-token rotation
 * and reuse detection hold when each step goes to a different instance, and with the throttle store on
 * the database ({@code security.throttle.store=database}) wrong passwords for one account sent through
 * the round-robin balancer are refused at exactly the account limit, not at the limit times the number
 * of instances. Prints a markdown table, and a {@code PASS} or {@code FAIL} line per check on standard
 * error; exits with status 1 if a check fails.
 *
 * <pre>
 * java -cp benchmarks.jar dev.mainstay.benchmarks.reliability.ScaleOutChecks \
 *   ACCOUNT_LIMIT OUT_FILE BALANCER_URL URL_A URL_B URL_C
 * </pre>
 */
public final class ScaleOutChecks {
    private static final String WRONG_PASSWORD = "not the password at all";

    private final Api api = new Api();
    private final String balancer;
    private final List<String> instances;
    private final StringBuilder table =
            new StringBuilder("| check | expected | got | verdict |\n| --- | --- | --- | --- |\n");
    private boolean failed;

    private ScaleOutChecks(String balancer, List<String> instances) {
        this.balancer = balancer;
        this.instances = instances;
    }

    /**
     * Runs the checks.
     *
     * @param args the account limit the instances were started with, the output file, the balancer's
     *     base URL, then each instance's base URL
     * @throws Exception if an instance cannot be reached
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: ScaleOutChecks ACCOUNT_LIMIT OUT_FILE BALANCER_URL URL_A [URL_B...]");
            System.exit(2);
        }
        int accountLimit = Integer.parseInt(args[0]);
        ScaleOutChecks checks = new ScaleOutChecks(args[2], List.of(args).subList(3, args.length));
        String suffix = Long.toString(System.currentTimeMillis(), 36);
        checks.tokens("scale-" + suffix + "@reliability.example");
        checks.throttle("throttle-" + suffix + "@reliability.example", accountLimit);
        Files.writeString(Path.of(args[1]), checks.table.toString());
        System.out.print(checks.table);
        System.exit(checks.failed ? 1 : 0);
    }

    private void tokens(String email) throws Exception {
        String a = instances.get(0);
        Api.Answer login = api.registerAndLogin(a, email);
        String access = login.field("accessToken");
        for (int i = 1; i < instances.size(); i++) {
            int status = api.get(instances.get(i) + "/api/me", access).status();
            check("access token issued by A, on " + name(i) + " (`GET /api/me`)", 200, status);
        }
        String first = login.field("refreshToken");
        Api.Answer rotated = refresh(instances.get(1), first);
        check("refresh token from A, rotated on B", 200, rotated.status());
        int reuse = refresh(instances.get(2), first).status();
        check("the used refresh token presented again, on C (reuse)", 401, reuse);
        int family = refresh(a, rotated.field("refreshToken")).status();
        check("the token B issued, on A, after the reuse revoked its family", 401, family);
    }

    /**
     * Wrong passwords for one account through the balancer, one after the other, until the first 429:
     * with the shared store exactly {@code limit} of them answer 401. Then the account is refused on
     * every instance, asked directly, even with the right password.
     */
    private void throttle(String email, int limit) throws Exception {
        api.registerAndLogin(instances.get(0), email);
        // More than the per-instance total, so that a throttle counted per instance shows as too many 401s.
        int maxAttempts = limit * instances.size() + 1;
        ThrottleCount count =
                ThrottleCount.until429(maxAttempts, () -> api.login(balancer, email, WRONG_PASSWORD).status());
        row("wrong passwords for one account through the balancer (round-robin over " + instances.size()
                        + " instances, `security.throttle.store=database`), before the first 429",
                "exactly " + limit + " answered 401, then 429 (per instance it would be up to "
                        + limit * instances.size() + ")",
                count.describe(),
                count.limitedAt(limit));
        for (int i = 0; i < instances.size(); i++) {
            check("the same account, one more wrong password, on " + name(i) + " directly", 429,
                    api.login(instances.get(i), email, WRONG_PASSWORD).status());
        }
        check("the same account, the right password, on A (refused before the password is checked)", 429,
                api.login(instances.get(0), email, Api.PASSWORD).status());
    }

    private Api.Answer refresh(String base, String token) throws Exception {
        return api.post(base + "/api/auth/refresh", null, Map.of("refreshToken", token));
    }

    private static String name(int instance) {
        return String.valueOf((char) ('A' + instance));
    }

    private void check(String what, int expected, int status) {
        row(what, String.valueOf(expected), String.valueOf(status), expected == status);
    }

    private void row(String what, String expected, String got, boolean ok) {
        failed |= !ok;
        System.err.println((ok ? "PASS " : "FAIL ") + what + ": got " + got + "; expected " + expected);
        table.append("| ").append(what).append(" | ").append(expected).append(" | ").append(got)
                .append(" | ").append(ok ? "PASS" : "**FAIL**").append(" |\n");
    }
}
