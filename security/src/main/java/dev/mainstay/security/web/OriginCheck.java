package dev.mainstay.security.web;

import dev.mainstay.core.problem.Problem;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code Origin} half of the cookie mode's CSRF defence: a request that uses the refresh cookie
 * may come from the service's own origin or from the CORS allowlist, nowhere else.
 *
 * <p>Same origin means the {@code Origin}'s host and port equal the request's {@code Host}. The
 * scheme is not compared: behind a proxy that ends TLS the service sees {@code http} while the page
 * is {@code https}. A request without {@code Origin} passes: browsers send it on every cross-origin
 * request and every POST, so its absence means a non-browser client, which a cookie cannot be
 * forged for; the mode header is still required.
 */
final class OriginCheck {
    private static final Problem FOREIGN = Problem.of(403, "Forbidden")
            .withDetail("This origin may not use the refresh cookie.");

    private final Set<String> allowed;

    OriginCheck(Set<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    void check(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || allowed.contains(origin) || sameOrigin(origin, ctx.host())) {
            return;
        }
        throw FOREIGN.toException();
    }

    private static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = new URI(origin);
            // "null" (a sandboxed page) and anything but a bare web origin has no authority to compare.
            return uri.getRawAuthority() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getRawAuthority().toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
