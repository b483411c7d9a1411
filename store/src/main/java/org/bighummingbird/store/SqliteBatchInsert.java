package org.bighummingbird.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.bighummingbird.core.RunRecord;

/**
 * SQLite: a JDBC batch of one-row {@code INSERT … ON CONFLICT (id) DO NOTHING}. The database is
 * in-process, so a statement costs no round trip and the batch is as fast as a multi-row insert.
 */
final class SqliteBatchInsert implements BatchInsert {
    private static final String INSERT = "INSERT INTO runs (" + RunColumns.LIST + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";

    @Override
    public int insert(Connection c, String projectId, List<RunRecord> runs, String[] versionIds)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (int i = 0; i < runs.size(); i++) {
                bind(ps, 0, projectId, versionIds[i], runs.get(i));
                ps.addBatch();
            }
            int inserted = 0;
            for (int count : ps.executeBatch()) {
                inserted += count > 0 ? count : 0;
            }
            return inserted;
        }
    }

    /** Binds one run's {@link RunColumns#COUNT} columns after parameter {@code offset}. */
    static void bind(PreparedStatement ps, int offset, String projectId, String versionId, RunRecord run)
            throws SQLException {
        setText(ps, offset + 1, run.id());
        ps.setString(offset + 2, projectId);
        ps.setString(offset + 3, versionId);
        setText(ps, offset + 4, run.parentId());
        setText(ps, offset + 5, run.rootId());
        ps.setLong(offset + 6, run.startedAtMicros());
        ps.setLong(offset + 7, run.latencyNs());
        setText(ps, offset + 8, run.thread());
        setText(ps, offset + 9, run.inputsJson());
        setText(ps, offset + 10, run.outputJson());
        setText(ps, offset + 11, run.outputShapeJson());
        setText(ps, offset + 12, run.errorType());
        setText(ps, offset + 13, run.errorMessage());
        setText(ps, offset + 14, run.errorStack());
    }

    private static void setText(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, StoredText.of(value));
        }
    }
}
