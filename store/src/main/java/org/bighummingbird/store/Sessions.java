package org.bighummingbird.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bighummingbird.core.Hashing;
import org.bighummingbird.core.RandomTokens;
import org.bighummingbird.store.ApiKeys.KeyOwner;

/**
 * Dashboard sessions, opened by logging in with an API key and held by the browser as a random
 * 256-bit id (43 base64url characters). The store keeps only the SHA-256 of the id. A session sees
 * its key's workspace and ends when its sliding expiry or its absolute end passes, when it is
 * closed, or when its key is revoked. Sessions live in the database, so every server on one
 * PostgreSQL accepts them. Also records when each key was last used. Nothing here logs an id or a
 * key. Reached through {@link Store#sessions()}; thread-safe.
 */
public final class Sessions {
    /** The length of a session id: 256 random bits in unpadded base64url. */
    public static final int ID_LENGTH = RandomTokens.BASE64URL_256_LENGTH;
    /** A session's expiry, and a key's last use, is written at most this often (microseconds). */
    private static final long WRITE_INTERVAL_MICROS = 60_000_000L;
    /** Beyond this many keys the in-memory last-use throttle starts again from empty. */
    private static final int MAX_TRACKED_KEYS = 10_000;

    private final Database db;
    private final ApiKeys apiKeys;
    private final String description;
    private final Map<String, Long> keyUseWritten = new ConcurrentHashMap<>();

    Sessions(Database db, ApiKeys apiKeys, String description) {
        this.db = db;
        this.apiKeys = apiKeys;
        this.description = description;
    }

    /**
     * Opens a session for an API key, when the key is active and its secret right; else empty,
     * without saying which part was wrong. Also purges expired sessions and records the key's use.
     *
     * @param apiKey the key's token, {@code bhb_<id>_<secret>}; anything else is empty, no query
     * @param idle how long the session lives without use (sliding)
     * @param maxAge how long it lives at most, however much it is used
     * @throws IllegalArgumentException when {@code idle} or {@code maxAge} is not positive
     * @throws StoreUnavailable when the database cannot be reached
     */
    public Optional<OpenedSession> open(String apiKey, Instant now, Duration idle, Duration maxAge) {
        requirePositive("idle", idle);
        requirePositive("maxAge", maxAge);
        Objects.requireNonNull(now, "now");
        return call(() -> {
            Optional<KeyOwner> owner = apiKeys.owner(apiKey);
            if (owner.isEmpty()) {
                return Optional.empty();
            }
            String id = RandomTokens.base64Url256();
            long at = micros(now);
            long endsAt = at + micros(maxAge);
            long expiresAt = Math.min(at + micros(idle), endsAt);
            db.transaction(c -> {
                try (PreparedStatement purge = c.prepareStatement("DELETE FROM dashboard_sessions WHERE expires_at <= ?");
                        PreparedStatement insert = c.prepareStatement("INSERT INTO dashboard_sessions"
                                + " (id_hash, key_id, created_at, expires_at, ends_at) VALUES (?, ?, ?, ?, ?)")) {
                    purge.setLong(1, at);
                    purge.executeUpdate();
                    insert.setString(1, hash(id));
                    insert.setString(2, owner.get().keyId());
                    insert.setLong(3, at);
                    insert.setLong(4, expiresAt);
                    insert.setLong(5, endsAt);
                    insert.executeUpdate();
                }
                markUsed(c, owner.get().keyId(), at);
                return null;
            });
            return Optional.of(new OpenedSession(id,
                    new SessionInfo(owner.get().keyId(), owner.get().workspace(), at, expiresAt)));
        });
    }

    /**
     * The live session with this id, its expiry slid to {@code now + idle} (capped at its absolute
     * end; written at most about once a minute); else empty: unknown, malformed, expired, closed,
     * or its key revoked.
     *
     * @throws StoreUnavailable when the database cannot be reached
     */
    public Optional<SessionInfo> find(String sessionId, Instant now, Duration idle) {
        requirePositive("idle", idle);
        if (!isId(sessionId)) {
            return Optional.empty();
        }
        String idHash = hash(sessionId);
        long at = micros(now);
        return call(() -> {
            Optional<Row> found = db.read(c -> row(c, idHash));
            if (found.isEmpty() || found.get().expiresAt() <= at || found.get().endsAt() <= at) {
                return Optional.empty();
            }
            Row row = found.get();
            long slid = Math.min(at + micros(idle), row.endsAt());
            if (slid - row.expiresAt() < WRITE_INTERVAL_MICROS) {
                return Optional.of(row.info());
            }
            db.transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE dashboard_sessions SET expires_at = ? WHERE id_hash = ? AND expires_at < ?")) {
                    ps.setLong(1, slid);
                    ps.setString(2, idHash);
                    ps.setLong(3, slid);
                    ps.executeUpdate();
                }
                markUsed(c, row.info().keyId(), at);
                return null;
            });
            return Optional.of(new SessionInfo(row.info().keyId(), row.info().workspace(),
                    row.info().createdAtMicros(), slid));
        });
    }

    /**
     * Ends a session (logout).
     *
     * @return true when a session with this id existed
     * @throws StoreUnavailable when the database cannot be reached
     */
    public boolean close(String sessionId) {
        if (!isId(sessionId)) {
            return false;
        }
        return call(() -> db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM dashboard_sessions WHERE id_hash = ?")) {
                ps.setString(1, hash(sessionId));
                return ps.executeUpdate() == 1;
            }
        }));
    }

    /**
     * Ends every session opened with a key, as when it is revoked (a revoked key's sessions are
     * refused anyway; this removes them).
     *
     * @return how many sessions ended
     */
    public int closeAllOf(String keyId) {
        return call(() -> db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM dashboard_sessions WHERE key_id = ?")) {
                ps.setString(1, keyId);
                return ps.executeUpdate();
            }
        }));
    }

    /**
     * Records that an API key authenticated a request, at most about once a minute per key (this
     * process remembers when it last wrote). A token that is not well-formed is ignored.
     *
     * @throws StoreUnavailable when the database cannot be reached
     */
    public void keyUsed(String apiKey, Instant now) {
        Optional<ApiKeyToken> token = ApiKeyToken.parse(apiKey);
        if (token.isEmpty()) {
            return;
        }
        String keyId = token.get().id();
        long at = micros(now);
        Long written = keyUseWritten.get(keyId);
        if (written != null && at - written < WRITE_INTERVAL_MICROS) {
            return;
        }
        if (keyUseWritten.size() > MAX_TRACKED_KEYS) {
            keyUseWritten.clear();
        }
        keyUseWritten.put(keyId, at);
        call(() -> db.transaction(c -> {
            markUsed(c, keyId, at);
            return null;
        }));
    }

    /**
     * When each key of a workspace was last used, by key id; keys never used are absent.
     *
     * @throws StoreUnavailable when the database cannot be reached
     */
    public Map<String, Long> keysLastUsed(String workspace) {
        return call(() -> db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.last_used_at FROM api_keys a"
                    + " JOIN workspaces w ON w.id = a.workspace_id WHERE w.name = ? AND a.last_used_at IS NOT NULL")) {
                ps.setString(1, workspace);
                try (ResultSet rs = ps.executeQuery()) {
                    Map<String, Long> used = new HashMap<>();
                    while (rs.next()) {
                        used.put(rs.getString(1), rs.getLong(2));
                    }
                    return used;
                }
            }
        }));
    }

    /** Whether {@code id} has the form of a session id: 43 base64url characters. */
    public static boolean isId(String id) {
        return id != null && id.length() == ID_LENGTH && id.chars().allMatch(Sessions::isBase64Url);
    }

    private static Optional<Row> row(Connection c, String idHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT s.key_id, w.name, s.created_at, s.expires_at, s.ends_at"
                + " FROM dashboard_sessions s JOIN api_keys a ON a.id = s.key_id AND a.revoked_at IS NULL"
                + " JOIN workspaces w ON w.id = a.workspace_id WHERE s.id_hash = ?")) {
            ps.setString(1, idHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(new SessionInfo(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4)), rs.getLong(4), rs.getLong(5)));
            }
        }
    }

    private static void markUsed(Connection c, String keyId, long at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")) {
            ps.setLong(1, at);
            ps.setString(2, keyId);
            ps.setLong(3, at);
            ps.executeUpdate();
        }
    }

    private static String hash(String id) {
        return Hashing.sha256Hex(id);
    }

    private static boolean isBase64Url(int ch) {
        return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }

    private static void requirePositive(String name, Duration duration) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }

    private <T> T call(SqlCall<T> work) {
        try {
            return work.call();
        } catch (SQLException e) {
            throw new StoreUnavailable("the " + description + " failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    private record Row(SessionInfo info, long expiresAt, long endsAt) {}

    /**
     * A live session as the server sees it.
     *
     * @param keyId the public id of the key it was opened with
     * @param workspace the name of that key's workspace: the only data the session may see
     * @param createdAtMicros when it was opened, microseconds since the epoch
     * @param expiresAtMicros when it expires unless used again
     */
    public record SessionInfo(String keyId, String workspace, long createdAtMicros, long expiresAtMicros) {}

    /**
     * A session just opened: its id, the only copy (the store keeps a hash), for the cookie.
     *
     * @param id the session id, {@link #ID_LENGTH} base64url characters
     * @param info the session
     */
    public record OpenedSession(String id, SessionInfo info) {
        /** The session without its id, so that logging the record never leaks it. */
        @Override
        public String toString() {
            return "OpenedSession[id=<hidden>, info=" + info + "]";
        }
    }
}
