package dev.mainstay.examples.realworld.common;

import dev.mainstay.core.problem.FieldError;
import dev.mainstay.core.problem.Problem;
import dev.mainstay.core.problem.ProblemWriter;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every error in the spec's format, {@code {"errors": {"body": ["..."]}}}, instead of RFC 9457.
 *
 * <p>Plugged in with {@code setup.problemWriter(...)}, so all of Mainstay's error paths (bad JSON,
 * unknown routes, 401 from the auth plugin, unexpected exceptions) speak RealWorld too. Each invalid
 * field becomes one message that starts with the field's name ("email has already been taken");
 * other problems give their detail, or their title. The spec knows one status for bad input, 422, so
 * core's 400 for an unreadable body is answered as 422 as well. Stateless and thread-safe.
 */
public final class RealWorldProblemWriter implements ProblemWriter {

    /** Writes {@code {"errors": {"body": [...]}}} as {@code application/json}; 400 becomes 422. */
    @Override
    public void write(Context ctx, Problem problem, String requestId) {
        if (problem.status() == 400) {
            ctx.status(422);
        }
        ctx.json(Errors.of(messages(problem)));
    }

    static List<String> messages(Problem problem) {
        List<String> messages = new ArrayList<>(problem.errors().size() + 1);
        for (FieldError error : problem.errors()) {
            messages.add(fieldName(error.pointer()) + " " + error.message());
        }
        if (messages.isEmpty()) {
            messages.add(problem.detail() != null ? problem.detail() : problem.title());
        }
        return messages;
    }

    /** Returns the name a person knows a field by: {@code /article/tagList/2} is "tagList", {@code ?limit} "limit". */
    static String fieldName(String pointer) {
        if (pointer.startsWith("?")) {
            return pointer.substring(1);
        }
        String[] segments = pointer.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            String segment = segments[i];
            if (!segment.isEmpty() && !segment.chars().allMatch(Character::isDigit)) {
                return segment.replace("~1", "/").replace("~0", "~");
            }
        }
        return "body";
    }
}
