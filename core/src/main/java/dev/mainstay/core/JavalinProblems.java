package dev.mainstay.core;

import dev.mainstay.core.problem.Problem;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;

/** Turns Javalin's own {@link HttpResponseException}s (404, 405, 413, {@code BadRequestResponse}...) into problems. */
final class JavalinProblems {
    private JavalinProblems() {}

    static Problem of(HttpResponseException exception, Context ctx) {
        int status = exception.getStatus();
        HttpStatus known = HttpStatus.forStatus(status);
        String title = known == HttpStatus.UNKNOWN ? "Error" : known.getMessage();
        if (status < 400 || status > 599) {
            status = 500; // a redirect thrown as an exception is not a problem; should not happen
        }
        Problem problem = Problem.of(status, title);
        return switch (status) {
            case 404 -> problem.withDetail("No route matches " + ctx.method().name() + " " + ctx.path() + ".");
            case 405 -> methodNotAllowed(problem, exception, ctx);
            case 413 ->
                problem.withDetail(
                        "The request body is larger than the limit of " + ctx.appData(Json.MAX_BODY_KEY) + " bytes.");
            default ->
                exception.getMessage() == null || exception.getMessage().equals(title)
                        ? problem
                        : problem.withDetail(exception.getMessage());
        };
    }

    private static Problem methodNotAllowed(Problem problem, HttpResponseException exception, Context ctx) {
        String allowed = String.join(", ", exception.getDetails().values());
        return problem.withDetail(ctx.method().name() + " is not allowed here; use " + allowed + ".")
                .withHeader("Allow", allowed);
    }
}
