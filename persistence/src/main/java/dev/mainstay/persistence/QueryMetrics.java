package dev.mainstay.persistence;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jooq.Delete;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.ExecuteType;
import org.jooq.Insert;
import org.jooq.Query;
import org.jooq.Update;

/**
 * Times every statement jOOQ runs as {@code db.query}, tagged by {@code type} (select, insert, update,
 * delete, other) and {@code outcome} (success, error) — never by SQL text, which would make a time
 * series per distinct query.
 *
 * <p>The timers are created once when bound; per statement it costs one small listener object, two
 * {@link System#nanoTime()} calls and an array lookup. Before binding it costs nothing but a shared
 * no-op listener.
 */
final class QueryMetrics implements ExecuteListenerProvider {
    static final String NAME = "db.query";

    private static final ExecuteListener NONE = new ExecuteListener() {
        private static final long serialVersionUID = 1L;
    };

    private enum Type {
        SELECT,
        INSERT,
        UPDATE,
        DELETE,
        OTHER
    }

    private volatile Timer[] timers;

    /** Registers the timers in {@code registry}; the first registry bound is the one used. */
    synchronized void bind(MeterRegistry registry) {
        if (timers != null) {
            throw new IllegalStateException("Query metrics are already bound to a registry; bind a"
                    + " CompositeMeterRegistry once to publish to several");
        }
        Timer[] created = new Timer[Type.values().length * 2];
        for (Type type : Type.values()) {
            for (boolean success : new boolean[] {true, false}) {
                created[index(type, success)] = Timer.builder(NAME)
                        .description("Time to run a SQL statement and read its results")
                        .tag("type", type.name().toLowerCase(Locale.ROOT))
                        .tag("outcome", success ? "success" : "error")
                        .register(registry);
            }
        }
        timers = created;
    }

    @Override
    public ExecuteListener provide() {
        Timer[] bound = timers;
        return bound == null ? NONE : new Timing(bound);
    }

    private static int index(Type type, boolean success) {
        return type.ordinal() * 2 + (success ? 0 : 1);
    }

    private static Type typeOf(ExecuteContext ctx) {
        Query query = ctx.query();
        if (query instanceof Insert<?>) return Type.INSERT;
        if (query instanceof Update<?>) return Type.UPDATE;
        if (query instanceof Delete<?>) return Type.DELETE;
        return ctx.type() == ExecuteType.READ ? Type.SELECT : Type.OTHER;
    }

    /**
     * Lives for one statement: from preparing it (which is where a syntax error surfaces) until its
     * results are read. Waiting for a connection is not included: HikariCP times that itself.
     */
    private static final class Timing implements ExecuteListener {
        private static final long serialVersionUID = 1L;

        private final transient Timer[] timers;
        private long start;

        Timing(Timer[] timers) {
            this.timers = timers;
        }

        @Override
        public void prepareStart(ExecuteContext ctx) {
            start = System.nanoTime();
        }

        @Override
        public void executeStart(ExecuteContext ctx) {
            if (start == 0) { // a batch or a static statement skips prepareStart
                start = System.nanoTime();
            }
        }

        @Override
        public void end(ExecuteContext ctx) {
            if (start != 0) {
                long elapsed = System.nanoTime() - start;
                timers[index(typeOf(ctx), ctx.exception() == null)].record(elapsed, TimeUnit.NANOSECONDS);
            }
        }
    }
}
