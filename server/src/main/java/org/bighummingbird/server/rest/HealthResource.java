package org.bighummingbird.server.rest;

import io.javalin.http.Context;
import org.bighummingbird.server.problem.Problems;
import org.bighummingbird.store.Store;
import org.bighummingbird.store.StoreUnavailable;

/** {@code GET /api/v1/health}: 200 {@code {"status":"ok"}}, or 503 {@code {"status":"unavailable"}} when the database is away. */
final class HealthResource {
    private final Store store;

    HealthResource(Store store) {
        this.store = store;
    }

    void get(Context ctx) {
        try {
            store.ping();
            Replies.json(ctx, 200, Replies.object().put("status", "ok"));
        } catch (StoreUnavailable e) {
            ctx.header("Retry-After", Problems.RETRY_AFTER_SECONDS);
            Replies.json(ctx, 503, Replies.object().put("status", "unavailable"));
        }
    }
}
