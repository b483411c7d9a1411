package org.bighummingbird.server.ui.access;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/**
 * The dashboard's two cookies, both HttpOnly and SameSite=Strict, Secure when the request came
 * over HTTPS: the session ({@value #SESSION}, path {@code /}, gone when the browser closes; the
 * server decides when it expires) and the login form's double-submit token ({@value #LOGIN},
 * path {@code /login}, an hour).
 */
final class Cookies {
    /** The session cookie's name. */
    static final String SESSION = "bhb_session";
    /** The login form token cookie's name. */
    static final String LOGIN = "bhb_login";
    private static final int LOGIN_MAX_AGE_SECONDS = 3_600;

    private final Clients clients;

    Cookies(Clients clients) {
        this.clients = clients;
    }

    void setSession(Context ctx, String sessionId) {
        ctx.cookie(cookie(ctx, SESSION, sessionId, "/", -1));
    }

    void clearSession(Context ctx) {
        ctx.cookie(cookie(ctx, SESSION, "", "/", 0));
    }

    void setLogin(Context ctx, String token) {
        ctx.cookie(cookie(ctx, LOGIN, token, DashboardAccess.LOGIN, LOGIN_MAX_AGE_SECONDS));
    }

    void clearLogin(Context ctx) {
        ctx.cookie(cookie(ctx, LOGIN, "", DashboardAccess.LOGIN, 0));
    }

    private Cookie cookie(Context ctx, String name, String value, String path, int maxAge) {
        return new Cookie(name, value, path, maxAge, clients.secure(ctx), true, null, SameSite.STRICT);
    }
}
