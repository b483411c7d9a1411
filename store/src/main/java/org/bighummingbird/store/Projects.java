package org.bighummingbird.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Finds or creates workspaces and projects; both are insert-if-absent, so racing writers agree. */
final class Projects {
    private final Database db;

    Projects(Database db) {
        this.db = db;
    }

    ProjectRef findOrCreate(String workspace, String name) throws SQLException {
        Optional<ProjectRef> found = find(workspace, name);
        if (found.isPresent()) {
            return found.get();
        }
        return db.transaction(c -> {
            String workspaceId = insertIfAbsent(c,
                    "INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    "SELECT id FROM workspaces WHERE name = ?", null, workspace);
            String projectId = insertIfAbsent(c,
                    "INSERT INTO projects (id, workspace_id, name, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    "SELECT id FROM projects WHERE workspace_id = ? AND name = ?", workspaceId, name);
            return new ProjectRef(projectId, workspace, name);
        });
    }

    Optional<ProjectRef> find(String workspace, String name) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT p.id FROM projects p JOIN workspaces w ON w.id = p.workspace_id"
                            + " WHERE w.name = ? AND p.name = ?")) {
                ps.setString(1, workspace);
                ps.setString(2, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new ProjectRef(rs.getString(1), workspace, name)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Inserts a named row under an optional parent unless present, and returns its id. Shared by
     * the three find-or-create tables: workspaces, projects and models.
     */
    static String insertIfAbsent(Connection c, String insert, String select, String parentId, String name)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            int i = 1;
            ps.setString(i++, UUID.randomUUID().toString());
            if (parentId != null) {
                ps.setString(i++, parentId);
            }
            ps.setString(i++, name);
            ps.setLong(i, Clock.nowMicros());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(select)) {
            int i = 1;
            if (parentId != null) {
                ps.setString(i++, parentId);
            }
            ps.setString(i, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("row for \"" + name + "\" vanished right after insert-if-absent");
                }
                return rs.getString(1);
            }
        }
    }
}
