package dev.mainstay.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on a loopback port that a test can take down and bring back, to play a database
 * outage without touching the real server. While down, it accepts connections and resets them at once.
 *
 * <p>The port stays bound for the proxy's whole life. A port given back while down could be taken
 * before {@link #up()} binds it again: it is in the ephemeral range, so any outgoing connection may get
 * it, even a pool's own retry to this very port, which then connects to itself.
 */
final class TcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private boolean up; // guarded by this

    private TcpProxy(ServerSocket server, int targetPort) {
        this.server = server;
        this.targetPort = targetPort;
    }

    /** Returns a proxy to {@code 127.0.0.1:targetPort} on a free port; down until {@link #up()}. */
    static TcpProxy to(int targetPort) {
        try {
            TcpProxy proxy = new TcpProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
            daemon(proxy::accept);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** Starts forwarding new connections. */
    synchronized void up() {
        up = true;
    }

    /** Resets new connections and cuts every open one, as a crashed server would. */
    synchronized void down() {
        up = false;
        sockets.forEach(TcpProxy::quietlyClose);
        sockets.clear();
    }

    @Override
    public void close() {
        down();
        quietlyClose(server);
    }

    private void accept() {
        while (true) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed by close()
            }
            forwardOrReset(client);
        }
    }

    private synchronized void forwardOrReset(Socket client) {
        try {
            if (!up) {
                client.setSoLinger(true, 0); // close with a reset, as a port without a server answers
                client.close();
                return;
            }
            Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            sockets.add(client);
            sockets.add(target);
            daemon(() -> pipe(client, target));
            daemon(() -> pipe(target, client));
        } catch (IOException e) {
            quietlyClose(client); // the client left already, or the database is not there
        }
    }

    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away: close both below
        } finally {
            quietlyClose(from);
            quietlyClose(to);
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "tcp-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    private static void quietlyClose(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                // already closed
            }
        }
    }
}
