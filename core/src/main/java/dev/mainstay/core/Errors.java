package dev.mainstay.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mainstay.core.exception.MainstayException;
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

    private record Registration(ProblemMapper<?> mapper, String registeredBy) {}

    private final Map<Class<?>, Registration> mappers = new ConcurrentHashMap<>();
    private volatile ProblemWriter writer = Rfc9457Writer.INSTANCE;

    /**
     * Maps {@code type} to {@code mapper}, once. A second mapper for the same type is refused rather than
     * silently replacing the first: with "last wins", which one answers depends on the order in which
     * libraries and the app register, and a library's mapping can vanish without a trace.
     *
     * @throws MainstayException if {@code type} already has a mapper; the message names both registrations
     */
    <E extends Exception> void map(Class<E> type, ProblemMapper<E> mapper) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mapper, "mapper");
        Registration added = new Registration(mapper, caller());
        Registration existing = mappers.putIfAbsent(type, added);
        if (existing != null) {
            throw new MainstayException(type.getName() + " is mapped to a problem twice: first by "
                    + existing.registeredBy() + ", again by " + added.registeredBy()
                    + ". Keep one of the two calls; if a library made the first, configure the library instead"
                    + " of mapping its exception again.");
        }
    }

    /** The code that called {@code app.exception(...)}: the first frame outside core's own wiring. */
    private static String caller() {
        return StackWalker.getInstance()
                .walk(frames -> frames.filter(frame -> !frame.getClassName().equals(Errors.class.getName())
                                && !frame.getClassName().equals(Setup.class.getName()))
                        .findFirst()
                        .map(StackWalker.StackFrame::toString)
                        .orElse("an unknown caller"));
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
            Rfc9457Writer.INSTANCE.write(ctx, problem, requestId);
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
            Registration registration = mappers.get(c);
            if (registration != null) {
                return (ProblemMapper<Exception>) registration.mapper();
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
