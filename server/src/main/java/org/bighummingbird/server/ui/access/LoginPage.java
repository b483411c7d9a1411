package org.bighummingbird.server.ui.access;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.Optional;
import org.bighummingbird.store.Sessions;
import org.bighummingbird.store.Sessions.OpenedSession;
import org.bighummingbird.store.Store;

/**
 * {@code GET /login} (the form), {@code POST /login} (an API key in, a session cookie out) and
 * {@code POST /logout}. The login form is protected by a double-submit token: a random value in a
 * cookie and in a hidden field that must match. A failed login says only that the key was not
 * accepted (not whether its id or its secret was wrong); a client address with too many failures
 * in a minute gets 429. The key is never logged or echoed. Without authentication there is
 * nothing to log into: both answer 303 to the dashboard. Thread-safe.
 */
final class LoginPage {
    static final String NOT_ACCEPTED = "That API key was not accepted: it is unknown, revoked or mistyped.";
    private static final int MAX_KEY_LENGTH = 200;

    private final Store store;
    private final AccessConfig config;
    private final Cookies cookies;
    private final Clients clients;
    private final LoginThrottle throttle;
    private final boolean authenticates;

    LoginPage(Store store, AccessConfig config, Clients clients, boolean authenticates) {
        this.store = store;
        this.config = config;
        this.clients = clients;
        this.cookies = new Cookies(clients);
        this.throttle = new LoginThrottle(store.loginFailures(), config.loginFailuresPerMinute(), Instant::now);
        this.authenticates = authenticates;
    }

    void show(Context ctx) {
        String next = LocalPaths.safeNext(ctx.queryParam("next"));
        if (!authenticates || liveSession(ctx)) {
            ctx.redirect(next, HttpStatus.SEE_OTHER);
            return;
        }
        form(ctx, 200, next, null);
    }

    void submit(Context ctx) {
        String next = LocalPaths.safeNext(ctx.formParam("next"));
        if (!authenticates) {
            ctx.redirect(next, HttpStatus.SEE_OTHER);
            return;
        }
        String cookieToken = ctx.cookie(Cookies.LOGIN);
        if (!Tokens.same(cookieToken, single(ctx, DashboardAccess.CSRF_FIELD))) {
            Pages.message(ctx, 403, "Forbidden",
                    "The login form had expired or did not come from this server; nothing was done. Load the login page again.");
            return;
        }
        String address = clients.address(ctx);
        long wait = throttle.retryAfterSeconds(address);
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            form(ctx, 429, next, "Too many failed logins from this address; try again in " + wait + " s.");
            return;
        }
        String key = single(ctx, "key");
        Optional<OpenedSession> session = key == null || key.length() > MAX_KEY_LENGTH
                ? Optional.empty()
                : store.sessions().open(key.strip(), Instant.now(), config.sessionIdle(), config.sessionMaxAge());
        if (session.isEmpty()) {
            throttle.failed(address);
            form(ctx, 401, next, NOT_ACCEPTED);
            return;
        }
        String previous = ctx.cookie(Cookies.SESSION);
        if (previous != null) {
            store.sessions().close(previous); // a login replaces the browser's earlier session, not adds to it
        }
        cookies.clearLogin(ctx);
        cookies.setSession(ctx, session.get().id());
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    /** Ends the session; the gate has checked the session and its CSRF token already. */
    void logout(Context ctx) {
        String sessionId = ctx.attribute(DashboardAccess.SESSION_ID_ATTRIBUTE);
        if (sessionId != null) {
            store.sessions().close(sessionId);
            cookies.clearSession(ctx);
        }
        ctx.redirect(authenticates ? DashboardAccess.LOGIN : "/", HttpStatus.SEE_OTHER);
    }

    private boolean liveSession(Context ctx) {
        String id = ctx.cookie(Cookies.SESSION);
        return id != null && store.sessions().find(id, Instant.now(), config.sessionIdle()).isPresent();
    }

    private void form(Context ctx, int status, String next, String error) {
        String token = ctx.cookie(Cookies.LOGIN);
        if (token == null || token.length() != Tokens.LENGTH || !Sessions.isId(token)) {
            token = Tokens.random();
        }
        cookies.setLogin(ctx, token);
        Pages.render(ctx, status, "login", "csrf", token, "next", next, "error", error);
    }

    /** The form field when it is sent exactly once, else null. */
    private static String single(Context ctx, String field) {
        var values = ctx.formParams(field);
        return values.size() == 1 ? values.get(0) : null;
    }
}
