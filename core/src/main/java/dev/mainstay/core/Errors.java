package dev.mainstay.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mainstay.core.problem.FieldError;
import dev.mainstay.core.problem.Problem;
import dev.mainstay.core.problem.ProblemMapper;
import dev.mainstay.core.problem.ProblemSource;
import dev.mainstay.core.problem.ProblemWriter;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one exception handler of an app: turns any exception into a {@link Problem} and writes it
 * through the {@link ProblemWriter}. Expected outcomes (problems, Javalin's 4xx, bad JSON) are not
 * logged above debug; anything else is a 500 with a generic detail, logged once with the request id.
 */
final class Errors {
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    private final Map<Class<?>, ProblemMapper<?>> mappers = new ConcurrentHashMap<>();
    private volatile ProblemWriter writer = ProblemWriter.rfc9457();

    <E extends Exception> void map(Class<E> type, ProblemMapper<E> mapper) {
        mappers.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(mapper, "mapper"));
    }

    void writer(ProblemWriter newWriter) {
        writer = Objects.requireNonNull(newWriter, "writer");
    }

    /** Javalin's exception handler for {@code Exception.class}. */
    void handle(Exception exception, Context ctx) {
        write(ctx, problemFor(exception, ctx));
    }

    void write(Context ctx, Problem problem) {
        String requestId = RequestIds.of(ctx);
        ctx.status(problem.status());
        problem.headers().forEach(ctx::header);
        try {
            writer.write(ctx, problem, requestId);
        } catch (RuntimeException e) {
            LOG.error("The problem writer failed (request {}); wrote RFC 9457 instead", requestId, e);
            ProblemWriter.rfc9457().write(ctx, problem, requestId);
        }
    }

    Problem problemFor(Exception exception, Context ctx) {
        try {
            ProblemMapper<Exception> mapper = mapperFor(exception.getClass());
            if (mapper != null) {
                return mapper.toProblem(exception);
            }
            if (exception instanceof ProblemSource source) {
                LOG.debug("Answered with a problem", exception);
                return source.problem();
            }
            if (exception instanceof HttpResponseException javalin) {
                return JavalinProblems.of(javalin, ctx);
            }
            if (exception instanceof JsonProcessingException json && JsonProblems.isInputError(json)) {
                return JsonProblems.of(json);
            }
            if (exception instanceof ValidationException invalid) {
                return invalidParameters(invalid);
            }
        } catch (RuntimeException mappingFailed) {
            return unexpected(mappingFailed, ctx);
        }
        return unexpected(exception, ctx);
    }

    @SuppressWarnings("unchecked")
    private ProblemMapper<Exception> mapperFor(Class<?> type) {
        if (mappers.isEmpty()) {
            return null;
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            ProblemMapper<?> mapper = mappers.get(c);
            if (mapper != null) {
                return (ProblemMapper<Exception>) mapper;
            }
        }
        return null;
    }

    private static Problem invalidParameters(ValidationException invalid) {
        List<FieldError> errors = new ArrayList<>();
        invalid.getErrors()
                .forEach((name, list) -> list.forEach(e -> errors.add(new FieldError(name, e.getMessage()))));
        return Problem.of(400, "Invalid request")
                .withDetail("A request parameter is invalid.")
                .withErrors(errors);
    }

    private static Problem unexpected(Exception exception, Context ctx) {
        String requestId = RequestIds.of(ctx);
        LOG.error("Unexpected error in {} {} (request {})", ctx.method().name(), ctx.path(), requestId, exception);
        return Problem.of(500, HttpStatus.INTERNAL_SERVER_ERROR.getMessage())
                .withDetail("Something went wrong on our side. Quote request id " + requestId + " when reporting it.");
    }
}
