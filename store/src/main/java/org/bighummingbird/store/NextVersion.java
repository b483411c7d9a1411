package org.bighummingbird.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Version assignment shared by every versioned thing (model versions, judge versions): each attempt
 * runs in a transaction that reads the key, else inserts {@code max(version) + 1} insert-if-absent;
 * the unique constraints on (parent, key) and (parent, version) turn a lost race into an insert of
 * nothing, and the attempt is repeated. Correct on SQLite and PostgreSQL under any number of
 * concurrent writers, without locks of our own.
 */
final class NextVersion {
    static final int MAX_ATTEMPTS = 50;

    private NextVersion() {}

    /**
     * Runs {@code attempt} in a transaction until it returns non-null (null means a racing writer
     * won and the attempt should be repeated).
     *
     * @param what what gets a version, for the message when contention never ends
     */
    static <T> T assign(Database db, String what, Database.SqlWork<T> attempt) throws SQLException {
        for (int i = 1; i <= MAX_ATTEMPTS; i++) {
            T result = db.transaction(attempt);
            if (result != null) {
                return result;
            }
        }
        throw new SQLException("could not assign a version to " + what + " after " + MAX_ATTEMPTS
                + " attempts under contention");
    }

    /**
     * Inserts row {@code id} numbered one above the parent's highest version, unless a unique
     * constraint says another writer got there first.
     *
     * @param table the versions table, with columns {@code id}, {@code parentColumn} and {@code version}
     * @param columns the table's other columns, set from {@code values} in order
     * @return the version assigned, or 0 when the insert did nothing (retry the attempt)
     */
    static int insert(Connection c, String table, String parentColumn, String parentId, String id,
            List<String> columns, List<Object> values) throws SQLException {
        String sql = "INSERT INTO " + table + " (id, " + parentColumn + ", version, " + String.join(", ", columns)
                + ") SELECT ?, ?, COALESCE(MAX(version), 0) + 1" + ", ?".repeat(columns.size())
                + " FROM " + table + " WHERE " + parentColumn + " = ? ON CONFLICT DO NOTHING";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, id);
            ps.setString(i++, parentId);
            for (Object value : values) {
                ps.setObject(i++, value);
            }
            ps.setString(i, parentId);
            if (ps.executeUpdate() == 0) {
                return 0;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM " + table + " WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
