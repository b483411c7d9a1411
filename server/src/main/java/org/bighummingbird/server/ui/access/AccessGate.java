package org.bighummingbird.server.ui.access;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bighummingbird.store.Sessions.SessionInfo;
import org.bighummingbird.store.Store;

/**
 * The before-handler of every dashboard path (everything but {@code /api}, {@code /assets} and
 * {@code /login}, which guards itself). It sets the request attributes
 * {@value DashboardAccess#WORKSPACE_ATTRIBUTE} (the only workspace the page may show) and
 * {@value DashboardAccess#CSRF_ATTRIBUTE} (the token forms must send back): from the session
 * cookie, or without authentication ({@code --no-auth}, loopback only) the default workspace and a
 * token of this process. Without a live session it answers 303 to {@code /login?next=<path>}.
 * A POST, PUT, PATCH or DELETE must carry the token as form field {@code _csrf} or header
 * {@code X-CSRF-Token}, else it is answered 403 and nothing runs. Thread-safe.
 */
final class AccessGate implements Handler {
    private static final List<HandlerType> UNSAFE = List.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
            HandlerType.DELETE);

    private final Store store;
    private final AccessConfig config;
    /** The CSRF token of this process, when there are no sessions; null with authentication. */
    private final String processToken;

    private AccessGate(Store store, AccessConfig config, String processToken) {
        this.store = store;
        this.config = config;
        this.processToken = processToken;
    }

    /** A gate that requires a session. */
    static AccessGate requiringSessions(Store store, AccessConfig config) {
        return new AccessGate(store, config, null);
    }

    /** A gate that serves every request as the default workspace, checking a per-process CSRF token. */
    static AccessGate withoutAuthentication(Store store, AccessConfig config) {
        return new AccessGate(store, config, Tokens.random());
    }

    @Override
    public void handle(Context ctx) {
        String path = ctx.path();
        if (DashboardAccess.isApi(path) || DashboardAccess.isAsset(path) || path.equals(DashboardAccess.LOGIN)) {
            return;
        }
        if (processToken != null) {
            ctx.attribute(DashboardAccess.WORKSPACE_ATTRIBUTE, Store.DEFAULT_WORKSPACE);
            ctx.attribute(DashboardAccess.CSRF_ATTRIBUTE, processToken);
        } else {
            Optional<String> sessionId = Optional.ofNullable(ctx.cookie(Cookies.SESSION));
            Optional<SessionInfo> session = sessionId.flatMap(id -> store.sessions().find(id, Instant.now(),
                    config.sessionIdle()));
            if (session.isEmpty()) {
                toLogin(ctx);
                return;
            }
            ctx.attribute(DashboardAccess.WORKSPACE_ATTRIBUTE, session.get().workspace());
            ctx.attribute(DashboardAccess.CSRF_ATTRIBUTE, Tokens.csrfOf(sessionId.get()));
            ctx.attribute(DashboardAccess.SESSION_ID_ATTRIBUTE, sessionId.get());
            ctx.attribute(DashboardAccess.KEY_ID_ATTRIBUTE, session.get().keyId());
        }
        if (UNSAFE.contains(ctx.method()) && !carriesToken(ctx, ctx.attribute(DashboardAccess.CSRF_ATTRIBUTE))) {
            Pages.message(ctx, 403, "Forbidden",
                    "This request did not carry this page's CSRF token, so nothing was changed. Reload the page and try again.");
            ctx.skipRemainingHandlers();
        }
    }

    /** Whether the request sends the token once, as the header or as one form field. */
    static boolean carriesToken(Context ctx, String expected) {
        String header = ctx.header(DashboardAccess.CSRF_HEADER);
        if (header != null) {
            return Tokens.same(expected, header);
        }
        List<String> fields = ctx.formParams(DashboardAccess.CSRF_FIELD);
        return fields.size() == 1 && Tokens.same(expected, fields.get(0));
    }

    private static void toLogin(Context ctx) {
        String target = DashboardAccess.LOGIN;
        if (ctx.method() == HandlerType.GET && !ctx.path().equals("/")) {
            String query = ctx.queryString();
            String next = ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
            if (LocalPaths.safeNext(next).equals(next)) {
                target += "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
            }
        }
        if (ctx.header("HX-Request") != null) {
            ctx.header("HX-Redirect", target);
        }
        ctx.redirect(target, io.javalin.http.HttpStatus.SEE_OTHER);
        ctx.skipRemainingHandlers();
    }
}
