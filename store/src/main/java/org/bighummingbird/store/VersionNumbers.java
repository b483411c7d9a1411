package org.bighummingbird.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * Assigns contiguous version numbers to the versions of a named thing (a model, a dataset, a judge),
 * shared by every versioned kind. Each attempt, in one transaction, finds or creates the named parent,
 * returns the version already holding the key, else inserts {@code max(version) + 1}
 * insert-if-absent. The unique constraints on (parent, key) and (parent, version) turn a lost race
 * into an insert of nothing, and the attempt is repeated. Correct on SQLite and PostgreSQL under any
 * number of concurrent writers, without locks of our own.
 */
final class VersionNumbers {
    private static final int MAX_ATTEMPTS = 50;

    /**
     * Where a kind's versions live. Every name here is a constant of this package, never user input.
     *
     * @param parents the named table ({@code models}): id, project_id, name, created_at
     * @param versions the versions table ({@code model_versions}): id, parent, version, key, created_at, …
     * @param parentColumn the versions table's reference to its parent ({@code model_id})
     * @param keyColumn the identity key's column ({@code version_key})
     */
    record Kind(String parents, String versions, String parentColumn, String keyColumn) {}

    static final Kind MODELS = new Kind("models", "model_versions", "model_id", "version_key");
    static final Kind DATASETS = new Kind("datasets", "dataset_versions", "dataset_id", "content_key");
    static final Kind JUDGES = new Kind("judges", "judge_versions", "judge_id", "judge_key");

    /**
     * A version held by a key.
     *
     * @param id the version's id
     * @param version its number
     * @param existed whether the key had a version before this call
     */
    record Assigned(String id, int version, boolean existed) {}

    /** Work done in the transaction that inserted a new version, before it commits (a dataset's rows). */
    @FunctionalInterface
    interface OnInsert {
        void run(Connection c, String versionId) throws SQLException;
    }

    private VersionNumbers() {}

    /** {@link #assign(Database, Kind, ProjectRef, String, String, Map, OnInsert)} with nothing more to write. */
    static Assigned assign(Database db, Kind kind, ProjectRef project, String name, String key,
            Map<String, Object> columns) throws SQLException {
        return assign(db, kind, project, name, key, columns, (c, versionId) -> { });
    }

    /**
     * The version of {@code key} under the parent {@code name} of the project: the existing one, or
     * a new one numbered one above the highest, with {@code columns} (column name → value) stored
     * beside it and {@code onInsert} run in the same transaction.
     */
    static Assigned assign(Database db, Kind kind, ProjectRef project, String name, String key,
            Map<String, Object> columns, OnInsert onInsert) throws SQLException {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Assigned result = db.transaction(c -> attempt(c, kind, project, name, key, columns, onInsert));
            if (result != null) {
                return result;
            }
        }
        throw new SQLException("could not assign a version to " + name + " after " + MAX_ATTEMPTS
                + " attempts under contention");
    }

    private static Assigned attempt(Connection c, Kind kind, ProjectRef project, String name, String key,
            Map<String, Object> columns, OnInsert onInsert) throws SQLException {
        String parentId = Projects.insertIfAbsent(c,
                "INSERT INTO " + kind.parents() + " (id, project_id, name, created_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                "SELECT id FROM " + kind.parents() + " WHERE project_id = ? AND name = ?", project.id(), name);
        Assigned existing = find(c, kind, parentId, key);
        if (existing != null) {
            return existing;
        }
        String id = UUID.randomUUID().toString();
        StringBuilder names = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (String column : columns.keySet()) {
            names.append(", ").append(column);
            marks.append(", ?");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + kind.versions() + " (id, "
                + kind.parentColumn() + ", version, " + kind.keyColumn() + ", created_at" + names + ")"
                + " SELECT ?, ?, COALESCE(MAX(version), 0) + 1, ?, ?" + marks
                + " FROM " + kind.versions() + " WHERE " + kind.parentColumn() + " = ? ON CONFLICT DO NOTHING")) {
            int i = 1;
            ps.setString(i++, id);
            ps.setString(i++, parentId);
            ps.setString(i++, key);
            ps.setLong(i++, Clock.nowMicros());
            for (Object value : columns.values()) {
                ps.setObject(i++, value);
            }
            ps.setString(i, parentId);
            if (ps.executeUpdate() == 0) {
                return null;
            }
        }
        onInsert.run(c, id);
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM " + kind.versions() + " WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Assigned(id, rs.getInt(1), false);
            }
        }
    }

    private static Assigned find(Connection c, Kind kind, String parentId, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, version FROM " + kind.versions()
                + " WHERE " + kind.parentColumn() + " = ? AND " + kind.keyColumn() + " = ?")) {
            ps.setString(1, parentId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Assigned(rs.getString(1), rs.getInt(2), true) : null;
            }
        }
    }
}
