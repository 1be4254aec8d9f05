package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.core.config.Config;
import dev.mainstay.core.config.ConfigException;
import dev.mainstay.core.config.ConfigProblem;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Forwarding headers are believed only from trusted proxies; IPv6 clients are keyed by their /64. */
class ForwardedClientTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Starts an app whose one route answers the client address and its throttle key, then asks it. */
    private static String clientSeenBy(Map<String, String> config, String... headers) throws Exception {
        Map<String, String> values = new HashMap<>(Map.of("http.port", "0", "profile", "test", "http.host", "127.0.0.1"));
        values.putAll(config);
        try (Mainstay app = Mainstay.create(Config.of(values), setup -> setup.javalin(cfg -> cfg.routes.get(
                        "/who", ctx -> ctx.result(ClientAddress.of(ctx).throttleKey() + " " + ctx.ip()))))
                .start()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/who"));
            if (headers.length > 0) {
                request.headers(headers);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            return response.body();
        }
    }

    @Test
    void ignoresASpoofedXForwardedForFromAnUntrustedPeer() throws Exception {
        assertEquals("127.0.0.1 127.0.0.1", clientSeenBy(Map.of(), "X-Forwarded-For", "203.0.113.7"));
        assertEquals(
                "127.0.0.1 127.0.0.1",
                clientSeenBy(Map.of("http.trusted-proxies", "10.0.0.0/8"), "X-Forwarded-For", "203.0.113.7"));
    }

    @Test
    void believesXForwardedForFromATrustedPeer() throws Exception {
        assertEquals(
                "203.0.113.7 203.0.113.7",
                clientSeenBy(Map.of("http.trusted-proxies", "127.0.0.1"), "X-Forwarded-For", "203.0.113.7"));
    }

    @Test
    void takesTheRightMostUntrustedAddressOfAChainOfProxies() throws Exception {
        // The client forged the first entry; its real address was appended by the first trusted proxy.
        String chain = "198.51.100.66, 203.0.113.7, 10.1.2.3";
        assertEquals(
                "203.0.113.7 203.0.113.7",
                clientSeenBy(
                        Map.of("http.trusted-proxies", "127.0.0.0/8, 10.0.0.0/8"),
                        "X-Forwarded-For",
                        chain));
    }

    @Test
    void readsTheForwardedHeaderWhenConfiguredAndOnlyThen() throws Exception {
        Map<String, String> config = Map.of("http.trusted-proxies", "127.0.0.1", "http.forwarded-header", "forwarded");
        assertEquals(
                "2001:db8:cafe:1::/64 2001:db8:cafe:1:0:0:0:17",
                clientSeenBy(
                        config,
                        "Forwarded",
                        "for=198.51.100.66, for=\"[2001:db8:cafe:1::17]:4711\";proto=https",
                        "X-Forwarded-For",
                        "192.0.2.99"));
        assertEquals(
                "203.0.113.7 203.0.113.7",
                clientSeenBy(Map.of("http.trusted-proxies", "127.0.0.1"), "Forwarded", "for=192.0.2.99", "X-Forwarded-For", "203.0.113.7"));
    }

    @Test
    void keysIpv6ClientsByTheirSlash64() throws Exception {
        ClientAddress a = new ClientAddress(InetAddress.getByName("2001:db8:1:2:aaaa::1"));
        ClientAddress b = new ClientAddress(InetAddress.getByName("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        ClientAddress other = new ClientAddress(InetAddress.getByName("2001:db8:1:3::1"));
        assertEquals("2001:db8:1:2::/64", a.throttleKey());
        assertEquals(a.throttleKey(), b.throttleKey());
        assertTrue(!a.throttleKey().equals(other.throttleKey()));
        assertEquals("192.0.2.1", new ClientAddress(InetAddress.getByName("::ffff:192.0.2.1")).throttleKey());
    }

    @Test
    void stopsAtAHopThatIsNotAnAddressAndNeverResolvesNames() {
        TrustedProxies trusted = TrustedProxies.of(List.of("10.0.0.0/8"));
        InetAddress peer = TrustedProxies.literal("10.0.0.1");
        assertEquals(
                "10.0.0.2",
                ClientAddress.resolve(peer, List.of("203.0.113.7", "localhost", "10.0.0.2"), trusted).getHostAddress());
        assertEquals(
                "10.0.0.5",
                ClientAddress.resolve(peer, List.of("10.0.0.5"), trusted).getHostAddress(),
                "all trusted: the left-most is the client");
        assertEquals("10.0.0.1", ClientAddress.resolve(peer, Collections.emptyList(), trusted).getHostAddress());
        for (String notALiteral : new String[] {"localhost", "example.com", "1.2.3", "01.2.3.4", "1.2.3.256", "::g", ""}) {
            assertNull(TrustedProxies.literal(notALiteral), notALiteral);
        }
    }

    @Test
    void refusesABadTrustedProxyListAtStartUpNamingTheKey() {
        ConfigException failure = assertThrows(
                ConfigException.class,
                () -> Mainstay.create(
                        Config.of(Map.of("http.trusted-proxies", "10.0.0.0/8, proxy.internal, 10.0.0.1/8, 10.0.0.0/33")),
                        setup -> {}));
        assertEquals(
                List.of("http.trusted-proxies", "http.trusted-proxies", "http.trusted-proxies"),
                failure.problems().stream().map(ConfigProblem::key).toList());
        assertEquals(
                List.of("proxy.internal", "10.0.0.1/8", "10.0.0.0/33"),
                failure.problems().stream().map(ConfigProblem::value).toList());
        assertTrue(failure.getMessage().contains("did you mean 10.0.0.0/8?"), failure.getMessage());
        assertTrue(failure.getMessage().contains("http.trusted-proxies (env MAINSTAY_HTTP_TRUSTED_PROXIES)"), failure.getMessage());
    }
}
