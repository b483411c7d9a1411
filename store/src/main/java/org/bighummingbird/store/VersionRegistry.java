package org.bighummingbird.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;

/**
 * Model versions: numbers assigned by {@link VersionNumbers} (insert-if-absent of max + 1 under
 * unique constraints, retried), and ids by key cached for the run writer.
 */
final class VersionRegistry {
    private final Database db;
    /** Registered versions by project, model name and key; versions never change, so this is safe to cache. */
    private final Map<String, String> idsByKey = new ConcurrentHashMap<>();

    VersionRegistry(Database db) {
        this.db = db;
    }

    RegisteredVersion register(ProjectRef project, VersionRegistration reg) throws SQLException {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("code_fingerprint", reg.codeFingerprint());
        columns.put("signature", reg.signatureJson());
        columns.put("code", reg.code());
        columns.put("code_kind", reg.codeKind());
        columns.put("metadata", reg.metadataJson());
        VersionNumbers.Assigned assigned = VersionNumbers.assign(db, VersionNumbers.MODELS, project,
                reg.modelName(), reg.key(), columns);
        idsByKey.put(cacheKey(project.id(), reg.modelName(), reg.key()), assigned.id());
        return new RegisteredVersion(assigned.id(), new Tag(reg.modelName(), assigned.version()), assigned.existed());
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
}
