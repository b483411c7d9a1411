package org.bighummingbird.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Finds or creates workspaces and projects; both are insert-if-absent, so racing writers agree. */
final class Projects {
    private static final String SELECT_PROJECT = "SELECT p.id, p.created_at FROM projects p"
            + " JOIN workspaces w ON w.id = p.workspace_id WHERE w.name = ? AND p.name = ?";

    private final Database db;

    Projects(Database db) {
        this.db = db;
    }

    /**
     * Finds the project or creates it (and its workspace). {@code created} comes from the insert's
     * row count, so of racing creators exactly one sees true: the unique constraint on
     * (workspace, name) makes every other insert a no-op.
     */
    ProjectCreation create(String workspace, String name) throws SQLException {
        Optional<ProjectCreation> found = db.read(c -> select(c, workspace, name));
        if (found.isPresent()) {
            return found.get();
        }
        return db.transaction(c -> {
            String workspaceId = workspaceId(c, workspace);
            boolean inserted;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO projects (id, workspace_id, name, created_at)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, workspaceId);
                ps.setString(3, name);
                ps.setLong(4, Clock.nowMicros());
                inserted = ps.executeUpdate() == 1;
            }
            ProjectCreation row = select(c, workspace, name).orElseThrow(
                    () -> new SQLException("project \"" + name + "\" vanished right after insert-if-absent"));
            return new ProjectCreation(row.project(), row.createdAtMicros(), inserted);
        });
    }

    Optional<ProjectRef> find(String workspace, String name) throws SQLException {
        return db.read(c -> select(c, workspace, name)).map(ProjectCreation::project);
    }

    /** The workspace's projects by name (Java's order, the same on SQLite and PostgreSQL). */
    List<ProjectInfo> list(String workspace) throws SQLException {
        List<ProjectInfo> out = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT p.name, p.created_at FROM projects p"
                    + " JOIN workspaces w ON w.id = p.workspace_id WHERE w.name = ?")) {
                ps.setString(1, workspace);
                try (ResultSet rs = ps.executeQuery()) {
                    List<ProjectInfo> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(new ProjectInfo(rs.getString(1), rs.getLong(2)));
                    }
                    return rows;
                }
            }
        });
        out.sort(Comparator.comparing(ProjectInfo::name));
        return out;
    }

    private static Optional<ProjectCreation> select(Connection c, String workspace, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_PROJECT)) {
            ps.setString(1, workspace);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new ProjectCreation(new ProjectRef(rs.getString(1), workspace, name),
                                rs.getLong(2), false))
                        : Optional.empty();
            }
        }
    }

    /** The id of the named workspace, created when missing; runs in the caller's transaction. */
    static String workspaceId(Connection c, String workspace) throws SQLException {
        return insertIfAbsent(c,
                "INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                "SELECT id FROM workspaces WHERE name = ?", null, workspace);
    }

    /**
     * Inserts a named row under an optional parent unless present, and returns its id. Shared by
     * the find-or-create tables: workspaces and models.
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
