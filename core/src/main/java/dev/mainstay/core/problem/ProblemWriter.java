package dev.mainstay.core.problem;

import io.javalin.http.Context;

/**
 * Writes a {@link Problem} as a response body. The default writes RFC 9457
 * {@code application/problem+json} ({@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance}, {@code requestId}, {@code traceId}, {@code errors}); an application that must speak
 * another error format (such as RealWorld's {@code {"errors":{"body":["..."]}}}) replaces it with
 * {@code setup.problemWriter(...)}.
 *
 * <p>Mainstay has already set the status, the problem's headers and {@code X-Request-Id} when the
 * writer is called; the writer writes the body and may change the status. It runs on the request
 * thread and must not throw.
 */
@FunctionalInterface
public interface ProblemWriter {
    /** The media type of RFC 9457 problem documents. */
    String PROBLEM_JSON = "application/problem+json";

    /**
     * Writes the body of {@code problem} to {@code ctx}.
     *
     * @param ctx the exchange being answered
     * @param problem the problem to write
     * @param requestId the id of this request, never {@code null}
     */
    void write(Context ctx, Problem problem, String requestId);
}
