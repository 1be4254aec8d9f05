package dev.mainstay.core;

import io.javalin.Javalin;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.IdleTimeout;
import org.eclipse.jetty.server.AbstractConnector;

/**
 * The drain at stop, done by Mainstay before Jetty stops: stop accepting, then, until no connection is
 * left or {@code shutdown.timeout} has passed, let the requests in flight finish while idle keep-alive
 * connections close after {@value #IDLE_AT_SHUTDOWN_MS} ms (they carry no request, and their clients
 * reconnect elsewhere). Every response sent from then on closes its connection.
 *
 * <p>Jetty has a drain of its own, and it is switched off, because it shortens the idle timeout of
 * every connection, busy ones too. A request that has been quiet for longer than that (a slow query,
 * a long computation) could then lose its response as it completed: Jetty fails an exchange whose
 * idle timeout fires just after the servlet returns, and the client got the headers without the body,
 * or nothing (3 of 170 requests in 85 SIGTERM runs). Here a connection keeps its usual idle timeout
 * while it awaits a response, and gets the short one only once it does not.
 */
final class ConnectionDrain {
    static final long IDLE_AT_SHUTDOWN_MS = 100;
    /** How often the drain looks at the open connections. */
    private static final long TICK_MS = 10;

    private ConnectionDrain() {}

    /** At start: Jetty neither shortens idle timeouts nor waits at stop; {@link #run} does both. */
    static void takeOver(Javalin server) {
        server.jettyServer().server().setStopTimeout(0);
        connectors(server).forEach(connector -> connector.setShutdownIdleTimeout(-1));
    }

    /**
     * Stops accepting and waits until no connection is open or the deadline has passed; the server's
     * stop then closes whatever is left.
     *
     * @param server a started server
     * @param deadline when to give up waiting, in {@link System#nanoTime()}'s terms
     */
    static void run(Javalin server, long deadline) {
        List<AbstractConnector> connectors = connectors(server);
        connectors.forEach(AbstractConnector::shutdown); // this loop is the wait, not the futures
        while (tuneOpenConnections(connectors) && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(TICK_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stop now
                return;
            }
        }
    }

    /**
     * Gives each open connection the idle timeout it should have now. A request can arrive on an idle
     * connection just after it was given the short timeout; the next tick gives it back its usual one,
     * long before a request that has just been read could have been quiet for that long.
     *
     * @return whether any connection is still open
     */
    private static boolean tuneOpenConnections(List<AbstractConnector> connectors) {
        boolean open = false;
        for (AbstractConnector connector : connectors) {
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                open = true;
                long wanted =
                        awaitsResponse(endPoint.getConnection()) ? connector.getIdleTimeout() : IDLE_AT_SHUTDOWN_MS;
                if (endPoint.getIdleTimeout() != wanted) {
                    restartIdleClock(endPoint);
                    endPoint.setIdleTimeout(wanted);
                }
            }
        }
        return open;
    }

    /**
     * A new idle timeout is counted from now, not from the connection's last byte. Jetty checks a
     * shortened timeout at once, and a response counts as begun just before its first byte leaves:
     * checked against the silence of the quiet handler before it, it expired on the spot and the
     * client got nothing (2 of 500 requests in 250 SIGTERM runs, before this).
     */
    private static void restartIdleClock(EndPoint endPoint) {
        if (endPoint instanceof IdleTimeout idleClock) {
            idleClock.notIdle();
        }
    }

    /** An HTTP/1.1 connection counts the requests it read and the responses it began to send. */
    private static boolean awaitsResponse(Connection connection) {
        return connection != null && connection.getMessagesIn() > connection.getMessagesOut();
    }

    private static List<AbstractConnector> connectors(Javalin server) {
        return Arrays.stream(server.jettyServer().server().getConnectors())
                .filter(AbstractConnector.class::isInstance)
                .map(AbstractConnector.class::cast)
                .toList();
    }
}
