package dev.mainstay.core;

import io.javalin.Javalin;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start and the ordered stop of an app: readiness down, stop accepting and drain for up to
 * {@code shutdown.timeout} ({@link ConnectionDrain}), admin server, then managed resources newest first.
 */
final class Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(Mainstay.class);

    private enum State {
        CREATED,
        STARTED,
        STOPPED
    }

    private final Javalin main;
    private final Javalin admin;
    private final Setup setup;
    private final Metrics metrics;
    private State state = State.CREATED;

    Lifecycle(Javalin main, Javalin admin, Setup setup, Metrics metrics) {
        this.main = main;
        this.admin = admin;
        this.setup = setup;
        this.metrics = metrics;
    }

    synchronized void start() {
        if (state != State.CREATED) {
            throw new IllegalStateException(
                    "A Mainstay app starts once; this one is " + state.name().toLowerCase(java.util.Locale.ROOT));
        }
        state = State.STARTED;
        main.start();
        ConnectionDrain.takeOver(main);
        if (admin != null) {
            admin.start();
            ConnectionDrain.takeOver(admin);
        }
    }

    synchronized void stop(Duration delay, Duration timeout) {
        if (state == State.STOPPED) {
            return;
        }
        boolean started = state == State.STARTED;
        state = State.STOPPED;
        setup.health.markStopping();
        if (started) {
            LOG.info(
                    "Stopping: readiness is now 503; closing the port in {} ms, then draining in-flight requests for up to {} ms",
                    delay.toMillis(),
                    timeout.toMillis());
            pause(delay);
            long drainDeadline = System.nanoTime() + timeout.toNanos(); // one drain time for both servers
            quietly(main, drainDeadline);
            quietly(admin, drainDeadline);
        }
        setup.resources.closeAll();
        setup.health.close();
        metrics.close();
        if (started) {
            LOG.info("Stopped");
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stop now, without the rest of the delay
        }
    }

    private static void quietly(Javalin server, long drainDeadline) {
        if (server == null) {
            return;
        }
        try {
            ConnectionDrain.run(server, drainDeadline);
            server.stop();
        } catch (RuntimeException e) {
            LOG.warn("Server did not stop cleanly: {}", e.toString());
        }
    }

    /** Which kind of thread handles requests; Javalin falls back to platform threads before JDK 21. */
    static String threadKind(ServerConfig server) {
        return server.virtualThreads() && Runtime.version().feature() >= 21 ? "virtual" : "platform";
    }
}
