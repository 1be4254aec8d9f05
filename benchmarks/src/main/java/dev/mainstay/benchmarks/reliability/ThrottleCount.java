package dev.mainstay.benchmarks.reliability;

/**
 * Wrong-password attempts counted until the throttle answered: how many got 401 before the first
 * other status, and what that status was.
 *
 * @param unauthorized attempts answered 401 before the first other status
 * @param stoppedBy the first status other than 401, or 0 if every attempt got 401
 * @param attempts attempts sent
 */
record ThrottleCount(int unauthorized, int stoppedBy, int attempts) {
    /** One login attempt: returns its HTTP status. */
    @FunctionalInterface
    interface Attempt {
        int status() throws Exception;
    }

    /** Sends attempts one after the other until one is not answered 401, or {@code maxAttempts} were sent. */
    static ThrottleCount until429(int maxAttempts, Attempt attempt) throws Exception {
        int unauthorized = 0;
        for (int sent = 1; sent <= maxAttempts; sent++) {
            int status = attempt.status();
            if (status != 401) {
                return new ThrottleCount(unauthorized, status, sent);
            }
            unauthorized++;
        }
        return new ThrottleCount(unauthorized, 0, maxAttempts);
    }

    /** Whether the throttle stopped the account at exactly {@code limit} failures, with a 429. */
    boolean limitedAt(int limit) {
        return stoppedBy == 429 && unauthorized == limit;
    }

    String describe() {
        return unauthorized + " answered 401, then "
                + (stoppedBy == 0 ? "no other status in " + attempts + " attempts" : String.valueOf(stoppedBy));
    }
}
