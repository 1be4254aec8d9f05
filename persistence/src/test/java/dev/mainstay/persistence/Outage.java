package dev.mainstay.persistence;

import dev.mainstay.persistence.testing.TestDatabase;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.tools.Server;

/**
 * A test database reached through a {@link TcpProxy}, so that a test can make it vanish and come
 * back. H2 is served over TCP for this (the same in-memory database, from an in-process TCP server).
 */
final class Outage implements AutoCloseable {
    private static final Pattern HOST_PORT = Pattern.compile("//[^/:?]+:(\\d+)");

    private final TcpProxy proxy;
    private final String url;
    private final Server h2;

    private Outage(TcpProxy proxy, String url, Server h2) {
        this.proxy = proxy;
        this.url = url;
        this.h2 = h2;
    }

    /** Returns an outage-able route to {@code target}, initially down. */
    static Outage of(TestDatabase target) {
        if (target.id().equals("h2")) {
            Server h2 = startH2();
            TcpProxy proxy = TcpProxy.to(h2.getPort());
            String url = target.url().replace("jdbc:h2:mem:", "jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/mem:");
            return new Outage(proxy, url, h2);
        }
        Matcher matcher = HOST_PORT.matcher(target.url());
        if (!matcher.find()) {
            throw new IllegalArgumentException("No host:port in " + target.url());
        }
        TcpProxy proxy = TcpProxy.to(Integer.parseInt(matcher.group(1)));
        String url = matcher.replaceFirst("//127.0.0.1:" + proxy.port());
        return new Outage(proxy, url, null);
    }

    /** Returns the JDBC URL through the proxy. */
    String url() {
        return url;
    }

    void databaseUp() {
        proxy.up();
    }

    void databaseDown() {
        proxy.down();
    }

    @Override
    public void close() {
        proxy.close();
        if (h2 != null) {
            h2.stop();
        }
    }

    private static Server startH2() {
        try {
            return Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
