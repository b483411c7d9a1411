package org.bighummingbird.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;

/**
 * Assigns model version numbers the {@link NextVersion} way: the existing version when the key was
 * seen for this model, else the next number.
 */
final class VersionRegistry {
    private final Database db;
    /** Registered versions by project, model name and key; versions never change, so this is safe to cache. */
    private final Map<String, String> idsByKey = new ConcurrentHashMap<>();

    VersionRegistry(Database db) {
        this.db = db;
    }

    RegisteredVersion register(ProjectRef project, VersionRegistration reg) throws SQLException {
        RegisteredVersion result = NextVersion.assign(db, reg.modelName(), c -> attempt(c, project, reg));
        idsByKey.put(cacheKey(project.id(), reg.modelName(), reg.key()), result.id());
        return result;
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
        int version = NextVersion.insert(c, "model_versions", "model_id", modelId, id,
                List.of("version_key", "code_fingerprint", "signature", "code", "code_kind", "metadata", "created_at"),
                List.of(reg.key(), reg.codeFingerprint(), reg.signatureJson(), reg.code(), reg.codeKind(),
                        reg.metadataJson(), Clock.nowMicros()));
        return version == 0 ? null : new RegisteredVersion(id, new Tag(reg.modelName(), version), false);
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
