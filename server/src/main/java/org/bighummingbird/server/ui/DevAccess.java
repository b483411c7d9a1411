package org.bighummingbird.server.ui;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.bighummingbird.core.RandomTokens;
import org.bighummingbird.store.Store;

/**
 * The access of a server started without authentication ({@code --no-auth}, {@code bhb ui}): when no
 * other handler set them, every page sees workspace {@link Store#DEFAULT_WORKSPACE} and one CSRF
 * token per process. On a server with authentication it sets nothing, so a page without a session
 * is a 401, never another workspace's data.
 */
final class DevAccess implements Handler {
    private final boolean open;
    private final String csrf;

    DevAccess(boolean authDisabled) {
        this.open = authDisabled;
        this.csrf = RandomTokens.hex(24);
    }

    @Override
    public void handle(Context ctx) {
        if (!open || !Dashboard.isPage(ctx.path())) {
            return;
        }
        if (ctx.attribute(UiRequest.WORKSPACE) == null) {
            ctx.attribute(UiRequest.WORKSPACE, Store.DEFAULT_WORKSPACE);
        }
        if (ctx.attribute(UiRequest.CSRF) == null) {
            ctx.attribute(UiRequest.CSRF, csrf);
        }
    }
}
