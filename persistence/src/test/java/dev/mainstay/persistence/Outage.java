package dev.mainstay.persistence;

import dev.mainstay.test.database.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.store.fs.FileUtils;
import org.h2.tools.Server;

/**
 * A test database reached through a {@link TcpProxy}, so that a test can make it vanish and come
 * back. H2 is served for this over TCP from an in-process server, as a file database in a temporary
 * folder (not the test's in-memory one).
 */
final class Outage implements AutoCloseable {
    private static final Pattern HOST_PORT = Pattern.compile("//[^/:?]+:(\\d+)");

    private final TcpProxy proxy;
    private final String url;
    private final Server h2;
    private final Path h2Folder;

    private Outage(TcpProxy proxy, String url, Server h2, Path h2Folder) {
        this.proxy = proxy;
        this.url = url;
        this.h2 = h2;
        this.h2Folder = h2Folder;
    }

    /** Returns an outage-able route to {@code target}, initially down. */
    static Outage of(TestDatabase target) {
        if (target.id().equals("h2")) {
            // A file database: an in-memory one served over TCP does not survive its sessions being cut.
            Path folder = createTempDirectory();
            Server h2 = startH2(folder);
            TcpProxy proxy = TcpProxy.to(h2.getPort());
            return new Outage(proxy, "jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/outage", h2, folder);
        }
        Matcher matcher = HOST_PORT.matcher(target.url());
        if (!matcher.find()) {
            throw new IllegalArgumentException("No host:port in " + target.url());
        }
        TcpProxy proxy = TcpProxy.to(Integer.parseInt(matcher.group(1)));
        String url = matcher.replaceFirst("//127.0.0.1:" + proxy.port());
        return new Outage(proxy, url, null, null);
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
            FileUtils.deleteRecursive(h2Folder.toString(), true);
        }
    }

    private static Server startH2(Path folder) {
        try {
            return Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", folder.toString())
                    .start();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("mainstay-h2-outage");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
