package dev.mainstay.benchmarks.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Checks that sessions work across instances of one service that share a database: an access token
 * issued by one instance is accepted by the others, refresh-token rotation and reuse detection hold
 * when each step goes to a different instance, and how login throttling counts across instances.
 * Prints a markdown table; exits with status 1 if a check fails.
 *
 * <pre>
 * java -cp benchmarks.jar dev.mainstay.benchmarks.reliability.ScaleOutChecks ACCOUNT_LIMIT OUT_FILE URL_A URL_B URL_C
 * </pre>
 */
public final class ScaleOutChecks {
    private final Api api = new Api();
    private final List<String> instances;
    private final StringBuilder table = new StringBuilder("| check | expected | got | verdict |\n| --- | --- | --- | --- |\n");
    private boolean failed;

    private ScaleOutChecks(List<String> instances) {
        this.instances = instances;
    }

    /**
     * Runs the checks.
     *
     * @param args the account limit the instances were started with, the output file, then each instance's base URL
     * @throws Exception if an instance cannot be reached
     */
    public static void main(String[] args) throws Exception {
        int accountLimit = Integer.parseInt(args[0]);
        ScaleOutChecks checks = new ScaleOutChecks(List.of(args).subList(2, args.length));
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
            check("access token issued by A, on " + (char) ('A' + i) + " (`GET /api/me`)", "200", status);
        }
        String first = login.field("refreshToken");
        Api.Answer rotated = refresh(instances.get(1), first);
        check("refresh token from A, rotated on B", "200", rotated.status());
        int reuse = refresh(instances.get(2), first).status();
        check("the used refresh token presented again, on C (reuse)", "401", reuse);
        int family = refresh(a, rotated.field("refreshToken")).status();
        check("the token B issued, on A, after the reuse revoked its family", "401", family);
    }

    /**
     * Wrong passwords for one account, round-robin over the instances, until each instance answers 429.
     * Counts in memory per instance (security README), so N instances allow up to N times the limit.
     */
    private void throttle(String email, int limit) throws Exception {
        api.registerAndLogin(instances.get(0), email);
        int failures = 0;
        int throttled = 0;
        int attempts = 0;
        int maxAttempts = (limit + 2) * instances.size() + instances.size();
        boolean[] saw429 = new boolean[instances.size()];
        while (attempts < maxAttempts && throttled < instances.size()) {
            int i = attempts % instances.size();
            int status = api.login(instances.get(i), email, "not the password at all").status();
            attempts++;
            if (status == 401) {
                failures++;
            } else if (status == 429 && !saw429[i]) {
                saw429[i] = true;
                throttled++;
            }
        }
        int perInstance = limit * instances.size();
        String got = failures + " wrong passwords answered 401 before every instance answered 429 (" + attempts + " attempts)";
        String expected = "per instance (documented): at most " + perInstance + " = " + instances.size() + " × " + limit
                + "; shared: " + limit;
        boolean ok = throttled == instances.size() && failures <= perInstance;
        row("login throttle, account limit " + limit + ", attempts round-robin over " + instances.size() + " instances",
                expected, got, ok ? (failures <= limit ? "met (shared)" : "met (per instance, as documented)") : "**failed**");
        failed |= !ok;
    }

    private Api.Answer refresh(String base, String token) throws Exception {
        return api.post(base + "/api/auth/refresh", null, Map.of("refreshToken", token));
    }

    private void check(String what, String expected, int status) {
        boolean ok = expected.equals(String.valueOf(status));
        failed |= !ok;
        row(what, expected, String.valueOf(status), ok ? "met" : "**failed**");
    }

    private void row(String what, String expected, String got, String verdict) {
        table.append("| ").append(what).append(" | ").append(expected).append(" | ").append(got)
                .append(" | ").append(verdict).append(" |\n");
    }
}
