package org.bighummingbird.server.ui.access;

import io.javalin.http.Context;

/**
 * What the server believes about the browser's connection: whether it came over HTTPS and from
 * which address. A reverse proxy's {@code X-Forwarded-Proto} and {@code X-Forwarded-For} count only
 * when the server is configured to trust a proxy; otherwise anyone could send them.
 */
final class Clients {
    private final boolean trustProxy;

    Clients(boolean trustProxy) {
        this.trustProxy = trustProxy;
    }

    /** Whether the request reached the server, or the trusted proxy in front, over HTTPS. */
    boolean secure(Context ctx) {
        if ("https".equalsIgnoreCase(ctx.req().getScheme())) {
            return true;
        }
        if (!trustProxy) {
            return false;
        }
        String proto = ctx.header("X-Forwarded-Proto");
        return proto != null && proto.split(",", -1)[0].trim().equalsIgnoreCase("https");
    }

    /**
     * The client's address: the connection's peer, or behind a trusted proxy the last address the
     * proxy appended to {@code X-Forwarded-For} (the ones before it are the client's own claim).
     */
    String address(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        if (!trustProxy) {
            return peer;
        }
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String[] hops = forwarded.split(",", -1);
        String last = hops[hops.length - 1].trim();
        return last.isEmpty() || last.length() > 64 ? peer : last;
    }
}
