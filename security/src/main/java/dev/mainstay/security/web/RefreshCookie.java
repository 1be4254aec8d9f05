package dev.mainstay.security.web;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code Set-Cookie} values of the refresh cookie. Written by hand rather than through a cookie
 * class so that every attribute is visible here, in the order the README shows.
 */
final class RefreshCookie {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final String path;
    private final long maxAgeSeconds;
    private final boolean devProfile;

    RefreshCookie(String path, Duration maxAge, boolean devProfile) {
        this.path = path;
        this.maxAgeSeconds = maxAge.toSeconds();
        this.devProfile = devProfile;
    }

    String set(Context ctx, String token) {
        return value(ctx, token, maxAgeSeconds);
    }

    String clear(Context ctx) {
        return value(ctx, "", 0);
    }

    private String value(Context ctx, String token, long maxAge) {
        return BrowserSession.COOKIE_NAME + "=" + token + "; Path=" + path + "; Max-Age=" + maxAge + "; HttpOnly"
                + (secure(ctx) ? "; Secure" : "") + "; SameSite=Strict";
    }

    /** Secure everywhere but dev over plain HTTP on this machine, where there is no TLS to require. */
    boolean secure(Context ctx) {
        return !(devProfile && "http".equals(ctx.scheme()) && LOOPBACK.contains(host(ctx)));
    }

    private static String host(Context ctx) {
        String host = String.valueOf(ctx.host()).toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        return colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
    }
}
