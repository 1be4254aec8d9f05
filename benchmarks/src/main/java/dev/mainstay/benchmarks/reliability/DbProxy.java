package dev.mainstay.benchmarks.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy between a service and its database that a script can cut and restore, to simulate a
 * database outage. Only 127.0.0.1 is bound.
 *
 * <pre>
 * java -cp benchmarks.jar dev.mainstay.benchmarks.reliability.DbProxy LISTEN_PORT TARGET_PORT CONTROL_PORT
 * curl -X POST 127.0.0.1:CONTROL_PORT/cut       close every proxied connection and refuse new ones
 * curl -X POST 127.0.0.1:CONTROL_PORT/restore   accept connections again
 * curl 127.0.0.1:CONTROL_PORT/status            "up 10" or "cut 0": state and open connections
 * </pre>
 *
 * <p>A cut closes both sockets of every open connection, so the service sees its pooled connections
 * die mid-use (as when the database restarts), and closes the listening socket, so new connections
 * are refused until the restore.
 */
public final class DbProxy {
    private final int listenPort;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;

    private DbProxy(int listenPort, int targetPort) {
        this.listenPort = listenPort;
        this.targetPort = targetPort;
    }

    /**
     * Runs the proxy until the process is stopped.
     *
     * @param args the port to listen on, the database's port, the control port (all on 127.0.0.1)
     * @throws IOException if a port cannot be bound
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: DbProxy LISTEN_PORT TARGET_PORT CONTROL_PORT");
            System.exit(2);
        }
        DbProxy proxy = new DbProxy(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
        proxy.restore();
        HttpServer control = HttpServer.create(new InetSocketAddress(loopback(), Integer.parseInt(args[2])), 0);
        control.createContext("/cut", exchange -> answer(exchange, proxy.cut()));
        control.createContext("/restore", exchange -> answer(exchange, proxy.restore()));
        control.createContext("/status", exchange -> answer(exchange, proxy.status()));
        control.start();
        System.out.printf("DbProxy 127.0.0.1:%s -> 127.0.0.1:%s, control on 127.0.0.1:%s%n", args[0], args[1], args[2]);
    }

    private synchronized String cut() {
        closeQuietly(listener);
        listener = null;
        int closed = 0;
        for (Socket socket : open) {
            closeQuietly(socket);
            closed++;
        }
        open.clear();
        log("cut: closed " + closed + " sockets, refusing new connections");
        return status();
    }

    private synchronized String restore() {
        if (listener == null) {
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(loopback(), listenPort));
                listener = socket;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ServerSocket accepting = listener;
            Thread acceptor = new Thread(() -> accept(accepting), "proxy-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            log("restore: accepting on " + listenPort);
        }
        return status();
    }

    private synchronized String status() {
        return (listener == null ? "cut " : "up ") + open.size() / 2 + "\n";
    }

    private void accept(ServerSocket from) {
        while (!from.isClosed()) {
            Socket client;
            try {
                client = from.accept();
            } catch (IOException e) {
                return; // closed by a cut
            }
            try {
                Socket server = new Socket(loopback(), targetPort);
                register(client, server);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private synchronized void register(Socket client, Socket server) {
        if (listener == null) { // a cut raced this accept
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        open.add(client);
        open.add(server);
        pipe(client, server);
        pipe(server, client);
    }

    /** Copies one direction; when either side ends, both sockets close. */
    private void pipe(Socket in, Socket out) {
        Thread copier = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try {
                int n;
                while ((n = in.getInputStream().read(buffer)) >= 0) {
                    out.getOutputStream().write(buffer, 0, n);
                }
            } catch (IOException e) {
                // the peer or a cut closed a socket: end the connection
            } finally {
                closeQuietly(in);
                closeQuietly(out);
                open.remove(in);
                open.remove(out);
            }
        }, "proxy-pipe");
        copier.setDaemon(true);
        copier.start();
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static void log(String message) {
        System.out.println(System.currentTimeMillis() + " " + message);
    }
}
