package org.bighummingbird.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;

/**
 * Assigns version numbers. Each attempt reads the key, else inserts {@code max(version) + 1}
 * insert-if-absent; the unique constraints on (model, key) and (model, version) turn a lost race
 * into an insert of nothing, and the attempt is repeated. Correct on SQLite and PostgreSQL under
 * any number of concurrent writers, without locks of our own.
 */
final class VersionRegistry {
    private static final int MAX_ATTEMPTS = 50;

    private final Database db;
    /** Registered versions by project, model name and key; versions never change, so this is safe to cache. */
    private final Map<String, String> idsByKey = new ConcurrentHashMap<>();

    VersionRegistry(Database db) {
        this.db = db;
    }

    RegisteredVersion register(ProjectRef project, VersionRegistration reg) throws SQLException {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            RegisteredVersion result = db.transaction(c -> attempt(c, project, reg));
            if (result != null) {
                idsByKey.put(cacheKey(project.id(), reg.modelName(), reg.key()), result.id());
                return result;
            }
        }
        throw new SQLException("could not assign a version to " + reg.modelName() + " after " + MAX_ATTEMPTS
                + " attempts under contention");
    }

    /** The version id for a key, or null when it was never registered. */
    String idOf(ProjectRef project, String modelName, String key) throws SQLException {
        String cacheKey = cacheKey(project.id(), modelName, key);
        String cached = idsByKey.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        String id = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT v.id FROM model_versions v JOIN models m ON m.id = v.model_id"
                            + " WHERE m.project_id = ? AND m.name = ? AND v.version_key = ?")) {
                ps.setString(1, project.id());
                ps.setString(2, modelName);
                ps.setString(3, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (id != null) {
            idsByKey.put(cacheKey, id);
        }
        return id;
    }

    private static String cacheKey(String projectId, String modelName, String key) {
        return projectId + '\u0000' + modelName + '\u0000' + key;
    }

    private static RegisteredVersion attempt(Connection c, ProjectRef project, VersionRegistration reg)
            throws SQLException {
        String modelId = Projects.insertIfAbsent(c,
                "INSERT INTO models (id, project_id, name, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                "SELECT id FROM models WHERE project_id = ? AND name = ?", project.id(), reg.modelName());
        RegisteredVersion existing = find(c, modelId, reg);
        if (existing != null) {
            return existing;
        }
        String id = UUID.randomUUID().toString();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO model_versions (id, model_id, version, version_key, code_fingerprint, signature,"
                        + " code, code_kind, metadata, created_at)"
                        + " SELECT ?, ?, COALESCE(MAX(version), 0) + 1, ?, ?, ?, ?, ?, ?, ?"
                        + " FROM model_versions WHERE model_id = ? ON CONFLICT DO NOTHING")) {
            ps.setString(1, id);
            ps.setString(2, modelId);
            ps.setString(3, reg.key());
            ps.setString(4, reg.codeFingerprint());
            ps.setString(5, reg.signatureJson());
            ps.setString(6, reg.code());
            ps.setString(7, reg.codeKind());
            ps.setString(8, reg.metadataJson());
            ps.setLong(9, Clock.nowMicros());
            ps.setString(10, modelId);
            if (ps.executeUpdate() == 0) {
                return null;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM model_versions WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new RegisteredVersion(id, new Tag(reg.modelName(), rs.getInt(1)), false);
            }
        }
    }

    private static RegisteredVersion find(Connection c, String modelId, VersionRegistration reg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, version FROM model_versions WHERE model_id = ? AND version_key = ?")) {
            ps.setString(1, modelId);
            ps.setString(2, reg.key());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new RegisteredVersion(rs.getString(1), new Tag(reg.modelName(), rs.getInt(2)), true) : null;
            }
        }
    }
}
