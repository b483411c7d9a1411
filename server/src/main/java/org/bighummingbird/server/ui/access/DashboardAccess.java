package org.bighummingbird.server.ui.access;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bighummingbird.store.Store;
import org.bighummingbird.store.StoreUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the dashboard's access control on a Javalin configuration: the {@link AccessGate}
 * before-handler (register it before any page's own before-handler), {@code /login},
 * {@code /logout}, {@code /settings/keys} and the two assets of these pages. The page handlers read
 * the request's workspace and CSRF token from the attributes {@value #WORKSPACE_ATTRIBUTE} and
 * {@value #CSRF_ATTRIBUTE}. The {@link SecurityHeaders} filter is installed by the server on the
 * servlet context, so that it covers every answer.
 */
public final class DashboardAccess {
    /** The request attribute holding the workspace a dashboard page may show (a String). */
    public static final String WORKSPACE_ATTRIBUTE = "bhb.workspace";
    /** The request attribute holding the CSRF token forms must send back (a String). */
    public static final String CSRF_ATTRIBUTE = "bhb.csrf";
    /** The form field carrying the CSRF token. */
    public static final String CSRF_FIELD = "_csrf";
    /** The header carrying the CSRF token (htmx requests, set by {@value #CSRF_SCRIPT}). */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** The script that adds {@value #CSRF_HEADER} to htmx requests from {@code <meta name="csrf-token">}. */
    public static final String CSRF_SCRIPT = "/assets/access/csrf.js";
    /** The login page. */
    public static final String LOGIN = "/login";
    /** The logout action (POST). */
    public static final String LOGOUT = "/logout";
    /** The API keys page. */
    public static final String KEYS = "/settings/keys";

    private static final Logger LOG = LoggerFactory.getLogger(DashboardAccess.class);

    static final String SESSION_ID_ATTRIBUTE = "bhb.access.session";
    static final String KEY_ID_ATTRIBUTE = "bhb.access.key";

    private static final String ASSETS = "/assets/access/";
    private static final Map<String, String> ASSET_TYPES = Map.of(
            "csrf.js", "text/javascript; charset=utf-8",
            "access.css", "text/css; charset=utf-8");
    private static final Map<String, byte[]> ASSET_BYTES = Map.of(
            "csrf.js", resource("csrf.js"),
            "access.css", resource("access.css"));

    private DashboardAccess() {}

    /**
     * Registers the gate and the access routes.
     *
     * @param authenticate false for {@code --no-auth}: every page is the default workspace, no login
     */
    public static void install(JavalinConfig cfg, Store store, boolean authenticate, AccessConfig config) {
        AccessGate gate = authenticate
                ? AccessGate.requiringSessions(store, config)
                : AccessGate.withoutAuthentication(store, config);
        Clients clients = new Clients(config.trustProxy());
        LoginPage login = new LoginPage(store, config, clients, authenticate);
        KeysPage keys = new KeysPage(store);
        cfg.routes.before(gate);
        cfg.routes.get(LOGIN, login::show);
        cfg.routes.post(LOGIN, login::submit);
        cfg.routes.post(LOGOUT, login::logout);
        cfg.routes.get(KEYS, keys::list);
        cfg.routes.post(KEYS, keys::create);
        cfg.routes.post(KEYS + "/{id}/revoke", keys::revoke);
        cfg.routes.get(ASSETS + "{file}", DashboardAccess::asset);
        cfg.routes.get(FAVICON, ctx -> ctx.status(204).header("Cache-Control", "public, max-age=86400"));
    }

    /**
     * The REST key check {@code keys} that also records each key's use (for the keys page's "last
     * used"), written at most about once a minute per key; a failure to write it is logged, not thrown.
     */
    public static Function<String, Optional<String>> recordingUse(Store store, Function<String, Optional<String>> keys) {
        return token -> {
            Optional<String> workspace = keys.apply(token);
            if (workspace.isPresent()) {
                try {
                    store.sessions().keyUsed(token, Instant.now());
                } catch (StoreUnavailable e) {
                    // "Last used" is a convenience: a failed write of it must not fail the request.
                    LOG.warn("could not record an API key's use: {}", e.getMessage());
                }
            }
            return workspace;
        };
    }

    /**
     * The workspace the request's page may show, as the gate set it.
     *
     * @throws IllegalStateException when the gate did not run for this request (an API or asset path)
     */
    public static String workspace(Context ctx) {
        return required(ctx, WORKSPACE_ATTRIBUTE);
    }

    /**
     * The CSRF token the request's forms must send back (hidden field {@value #CSRF_FIELD}, or
     * {@code <meta name="csrf-token">} for htmx), as the gate set it.
     *
     * @throws IllegalStateException when the gate did not run for this request (an API or asset path)
     */
    public static String csrfToken(Context ctx) {
        return required(ctx, CSRF_ATTRIBUTE);
    }

    private static String required(Context ctx, String attribute) {
        String value = ctx.attribute(attribute);
        if (value == null) {
            throw new IllegalStateException("the access gate did not run for " + ctx.path());
        }
        return value;
    }

    /** Whether a request path is REST API's (it authenticates by key and needs no CSRF token). */
    public static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** The icon browsers fetch on their own beside a page; answered without content. */
    public static final String FAVICON = "/favicon.ico";

    /**
     * Whether a request path is a static asset's (open without a session, cacheable). The favicon
     * counts: a browser asks for it beside the first page it opens, and sending that request to the
     * login page would hand out a second login token and expire the form the user is about to send.
     */
    public static boolean isAsset(String path) {
        return path.startsWith("/assets/") || path.equals(FAVICON);
    }

    private static void asset(Context ctx) {
        String file = ctx.pathParam("file");
        byte[] bytes = ASSET_BYTES.get(file);
        if (bytes == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("no such asset");
            return;
        }
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType(ASSET_TYPES.get(file)).result(bytes);
    }

    private static byte[] resource(String name) {
        try (InputStream in = DashboardAccess.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the server jar lacks " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
