package dev.mainstay.core;

import dev.mainstay.core.problem.Problem;
import dev.mainstay.core.problem.ProblemWriter;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default {@link ProblemWriter}: RFC 9457 {@code application/problem+json} with {@code type},
 * {@code title}, {@code status}, {@code detail} (if any), {@code instance} (the request path),
 * {@code requestId}, {@code traceId} (the W3C trace id) and {@code errors} (if any), serialized by the
 * app's JSON mapper.
 *
 * <p>It lives here rather than in the {@code problem} package because it reads the trace id that this
 * package assigns; the {@code problem} package depends on nothing in this one.
 */
final class Rfc9457Writer implements ProblemWriter {
    static final ProblemWriter INSTANCE = new Rfc9457Writer();

    private Rfc9457Writer() {}

    @Override
    public void write(Context ctx, Problem problem, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        if (problem.detail() != null) {
            body.put("detail", problem.detail());
        }
        body.put("instance", ctx.path());
        body.put("requestId", requestId);
        body.put("traceId", RequestIds.traceIdOf(ctx));
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors());
        }
        ctx.result(ctx.jsonMapper().toJsonString(body, Map.class)).contentType(PROBLEM_JSON);
    }
}
