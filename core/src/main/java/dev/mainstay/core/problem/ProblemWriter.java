package dev.mainstay.core.problem;

import dev.mainstay.core.Mainstay;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a {@link Problem} as a response body. The default writes RFC 9457
 * {@code application/problem+json}; an application that must speak another error format (such as
 * RealWorld's {@code {"errors":{"body":["..."]}}}) replaces it with {@code setup.problemWriter(...)}.
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

    /**
     * Returns the default writer: {@code type}, {@code title}, {@code status}, {@code detail} (if any),
     * {@code instance} (the request path), {@code requestId}, {@code traceId} (the W3C trace id, see
     * {@link Mainstay#traceId}) and {@code errors} (if any), as
     * {@code application/problem+json}, serialized by the app's JSON mapper.
     */
    static ProblemWriter rfc9457() {
        return (ctx, problem, requestId) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", problem.type());
            body.put("title", problem.title());
            body.put("status", problem.status());
            if (problem.detail() != null) {
                body.put("detail", problem.detail());
            }
            body.put("instance", ctx.path());
            body.put("requestId", requestId);
            body.put("traceId", Mainstay.traceId(ctx));
            if (!problem.errors().isEmpty()) {
                body.put("errors", problem.errors());
            }
            ctx.result(ctx.jsonMapper().toJsonString(body, Map.class)).contentType(PROBLEM_JSON);
        };
    }
}
