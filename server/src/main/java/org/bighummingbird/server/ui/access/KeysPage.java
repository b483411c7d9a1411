package org.bighummingbird.server.ui.access;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bighummingbird.core.InvalidName;
import org.bighummingbird.store.ApiKeyInfo;
import org.bighummingbird.store.NewApiKey;
import org.bighummingbird.store.Store;

/**
 * {@code /settings/keys}: the API keys of the request's workspace, newest first, with when each was
 * created and last used; creating one (its token shown on the answer page only, never again) and
 * revoking one (its sessions end with it). Another workspace's key is a 404. The gate has checked
 * the session and the CSRF token of every POST before these run. Thread-safe.
 */
final class KeysPage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Store store;

    KeysPage(Store store) {
        this.store = store;
    }

    void list(Context ctx) {
        page(ctx, 200, null, null);
    }

    void create(Context ctx) {
        String name = ctx.formParam("name");
        NewApiKey created;
        try {
            created = store.apiKeys().create(workspace(ctx), name == null ? "" : name.strip());
        } catch (InvalidName e) {
            page(ctx, 400, null, "name: " + e.getMessage());
            return;
        }
        page(ctx, 201, created, null);
    }

    void revoke(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<ApiKeyInfo> key = ownKeys(workspace(ctx)).stream().filter(k -> k.id().equals(id)).findFirst();
        if (key.isEmpty()) {
            Pages.message(ctx, 404, "Not found", "This workspace has no API key with that id.");
            return;
        }
        store.apiKeys().revoke(id);
        store.sessions().closeAllOf(id);
        ctx.redirect(DashboardAccess.KEYS, HttpStatus.SEE_OTHER);
    }

    private void page(Context ctx, int status, NewApiKey created, String error) {
        String workspace = workspace(ctx);
        Map<String, Long> lastUsed = store.sessions().keysLastUsed(workspace);
        List<KeyRow> rows = new ArrayList<>();
        for (ApiKeyInfo key : ownKeys(workspace)) {
            Long used = lastUsed.get(key.id());
            rows.add(new KeyRow(key.id(), key.name(), time(key.createdAtMicros()), used == null ? "never" : time(used),
                    key.revoked(), key.revoked() ? time(key.revokedAtMicros()) : ""));
        }
        Pages.render(ctx, status, "keys", "csrf", DashboardAccess.csrfToken(ctx), "workspace", workspace,
                "keys", rows, "createdToken", created == null ? null : created.token(),
                "createdName", created == null ? null : (created.info().name().isEmpty() ? created.info().id()
                        : created.info().name()),
                "error", error);
    }

    /** The workspace's keys, newest first. */
    private List<ApiKeyInfo> ownKeys(String workspace) {
        List<ApiKeyInfo> own = new ArrayList<>();
        for (ApiKeyInfo key : store.apiKeys().list()) {
            if (key.workspace().equals(workspace)) {
                own.add(0, key);
            }
        }
        return own;
    }

    private static String workspace(Context ctx) {
        return DashboardAccess.workspace(ctx);
    }

    private static String time(long micros) {
        return TIME.format(Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000));
    }
}
