package org.bighummingbird.server.ui;

import io.javalin.http.Context;

/**
 * What the access layer tells a page about the request: the workspace whose data it may show and
 * the CSRF token for its forms, as request attributes {@value #WORKSPACE} and {@value #CSRF}.
 */
public final class UiRequest {
    /** The attribute holding the workspace id (String). */
    public static final String WORKSPACE = "bhb.workspace";
    /** The attribute holding the CSRF token (String). */
    public static final String CSRF = "bhb.csrf";

    private UiRequest() {}

    /** The workspace the page may show; a 401 page when no access handler set one. */
    static String workspace(Context ctx) {
        String workspace = ctx.attribute(WORKSPACE);
        if (workspace == null) {
            throw UiError.unauthorized("sign in to see the dashboard");
        }
        return workspace;
    }

    /** The CSRF token for the page's forms; empty when none was set. */
    static String csrf(Context ctx) {
        String csrf = ctx.attribute(CSRF);
        return csrf == null ? "" : csrf;
    }
}
