package org.bighummingbird.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bighummingbird.core.InvalidName;
import org.bighummingbird.core.Names;

/**
 * API keys: created with a random id and secret, stored as a hash of the secret, listed, revoked
 * and checked. Nothing here logs a token or a secret.
 */
final class ApiKeys {
    /** Attempts at a fresh id; two random 48-bit ids colliding even once is already unlikely. */
    private static final int MAX_ATTEMPTS = 5;

    private final Database db;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(Database db) {
        this.db = db;
    }

    NewApiKey create(String workspace, String name) throws SQLException {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            ApiKeyToken token = ApiKeyToken.generate(random);
            long now = Clock.nowMicros();
            boolean inserted = db.transaction(c -> {
                String workspaceId = Projects.workspaceId(c, workspace);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_keys"
                        + " (id, workspace_id, name, secret_hash, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                    ps.setString(1, token.id());
                    ps.setString(2, workspaceId);
                    ps.setString(3, name);
                    ps.setString(4, token.secretHash());
                    ps.setLong(5, now);
                    return ps.executeUpdate() == 1;
                }
            });
            if (inserted) {
                return new NewApiKey(new ApiKeyInfo(token.id(), workspace, name, now, null), token.text());
            }
        }
        throw new SQLException("could not find a free API key id in " + MAX_ATTEMPTS + " attempts");
    }

    /** Every key, by workspace name then creation time (sorted here, so both databases agree). */
    List<ApiKeyInfo> list() throws SQLException {
        List<ApiKeyInfo> keys = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT a.id, w.name, a.name, a.created_at, a.revoked_at"
                    + " FROM api_keys a JOIN workspaces w ON w.id = a.workspace_id");
                    ResultSet rs = ps.executeQuery()) {
                List<ApiKeyInfo> rows = new ArrayList<>();
                while (rs.next()) {
                    long revokedAt = rs.getLong(5);
                    Long revoked = rs.wasNull() ? null : revokedAt;
                    rows.add(new ApiKeyInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), revoked));
                }
                return rows;
            }
        });
        keys.sort(Comparator.comparing(ApiKeyInfo::workspace)
                .thenComparingLong(ApiKeyInfo::createdAtMicros)
                .thenComparing(ApiKeyInfo::id));
        return keys;
    }

    /**
     * Revokes an active key. One conditional update, so of concurrent revokers exactly one sees true.
     *
     * @throws NotFound when no key has this id
     */
    boolean revoke(String id) throws SQLException {
        if (!ApiKeyToken.isId(id)) {
            throw unknown(id);
        }
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                ps.setLong(1, Clock.nowMicros());
                ps.setString(2, id);
                if (ps.executeUpdate() == 1) {
                    return true;
                }
            }
            if (!exists(c, id)) {
                throw unknown(id);
            }
            return false;
        });
    }

    /** The workspace of the token's key when the token is well-formed, its key active and its secret right. */
    Optional<String> authenticate(String token) throws SQLException {
        return owner(token).map(KeyOwner::workspace);
    }

    /** The token's key id and workspace when the token is well-formed, its key active and its secret right. */
    Optional<KeyOwner> owner(String token) throws SQLException {
        Optional<ApiKeyToken> parsed = ApiKeyToken.parse(token);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        ApiKeyToken key = parsed.get();
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT a.secret_hash, w.name FROM api_keys a"
                    + " JOIN workspaces w ON w.id = a.workspace_id WHERE a.id = ? AND a.revoked_at IS NULL")) {
                ps.setString(1, key.id());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && key.matches(rs.getString(1))
                            ? Optional.of(new KeyOwner(key.id(), rs.getString(2)))
                            : Optional.empty();
                }
            }
        });
    }

    /**
     * An active key that authenticated.
     *
     * @param keyId the key's public id
     * @param workspace the name of its workspace
     */
    record KeyOwner(String keyId, String workspace) {}

    /** Rejects a key label that is null, over 200 characters, or holds control characters. */
    static void requireValidName(String name) {
        if (name == null) {
            throw new InvalidName("key name must not be null (use \"\" for no label)");
        }
        if (name.codePointCount(0, name.length()) > Names.MAX_LENGTH) {
            throw new InvalidName("key name must be at most " + Names.MAX_LENGTH + " characters, got "
                    + name.codePointCount(0, name.length()));
        }
        if (name.codePoints().anyMatch(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT)) {
            throw new InvalidName("key name must not hold control characters, got \""
                    + name.replaceAll("[\\p{Cc}\\p{Cf}]", "?") + "\"");
        }
    }

    private static boolean exists(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM api_keys WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static NotFound unknown(String id) {
        return new NotFound("no API key with id " + quoted(id));
    }

    /** The id as a message may show it: quoted, control characters escaped, cut at 40 characters. */
    private static String quoted(String id) {
        if (id == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        id.codePoints().limit(40).forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append(id.codePointCount(0, id.length()) > 40 ? "…\"" : "\"").toString();
    }
}
