package org.bighummingbird.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.bighummingbird.core.RunRecord;

/**
 * SQLite: a JDBC batch of one-row {@code INSERT … ON CONFLICT (project_id, id) DO NOTHING}. The database is
 * in-process, so a statement costs no round trip and the batch is as fast as a multi-row insert.
 */
final class SqliteBatchInsert implements BatchInsert {
    private static final String INSERT = "INSERT INTO runs (" + RunColumns.LIST + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (project_id, id) DO NOTHING";

    @Override
    public int insert(Connection c, String projectId, List<RunRecord> runs, String[] versionIds,
            boolean[] inserted) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (int i = 0; i < runs.size(); i++) {
                RunColumns.bind(ps, 0, projectId, versionIds[i], runs.get(i));
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            int total = 0;
            for (int i = 0; i < counts.length; i++) {
                inserted[i] = counts[i] > 0;
                total += inserted[i] ? 1 : 0;
            }
            return total;
        }
    }
}
