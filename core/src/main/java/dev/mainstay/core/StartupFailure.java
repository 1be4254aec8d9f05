package dev.mainstay.core;

import dev.mainstay.core.config.ConfigException;
import dev.mainstay.core.exception.MainstayException;
import java.io.PrintStream;
import java.net.BindException;

/**
 * Explains, in one paragraph on stderr, why a service did not start: a configuration problem names the
 * keys, a failure a Mainstay module raised on purpose gives its message, and only an unexpected failure
 * gets a stack trace.
 */
final class StartupFailure {
    private StartupFailure() {}

    static void explain(Throwable failure, PrintStream err) {
        if (failure instanceof ConfigException config) {
            err.println("Mainstay could not start. " + config.getMessage()
                    + "\nFix these keys (in application.properties, the MAINSTAY_* environment variables or"
                    + " -Dmainstay.* system properties) and start again.");
            return;
        }
        BindException bind = find(failure, BindException.class);
        if (bind != null) {
            err.println(
                    "Mainstay could not start: a port it needs is already in use or not allowed (" + bind.getMessage()
                            + "). Stop the other process, or choose another port with http.port (env MAINSTAY_HTTP_PORT or PORT)"
                            + " or admin.port (env MAINSTAY_ADMIN_PORT).");
            return;
        }
        MainstayException explained = find(failure, MainstayException.class);
        if (explained != null) {
            // Raised on purpose by a Mainstay module (an unreachable database, a failing migration): its
            // message already says what went wrong and how to fix it, so a stack trace would only bury it.
            err.println("Mainstay could not start: " + explained.getMessage());
            return;
        }
        err.println("Mainstay could not start: " + failure + ". This is not a configuration problem Mainstay knows"
                + " about; the stack trace below shows where it happened.");
        failure.printStackTrace(err);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
