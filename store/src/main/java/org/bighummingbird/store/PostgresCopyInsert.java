package org.bighummingbird.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.bighummingbird.core.RunRecord;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL: the batch is streamed with {@code COPY … FROM STDIN} (text format) into a temporary
 * table, then moved with one {@code INSERT INTO runs SELECT … ON CONFLICT (id) DO NOTHING}, whose
 * update count is the number of new runs. COPY itself cannot skip existing ids, hence the detour.
 *
 * <p>The temporary table belongs to the pooled connection: created on its first batch with
 * {@code ON COMMIT DELETE ROWS}, emptied by every commit and reused, so a batch changes no catalog.
 * A rolled-back batch leaves nothing either (a table created in it is rolled back too).
 */
final class PostgresCopyInsert implements BatchInsert {
    private static final String STAGING = "bhb_runs_incoming";
    /** Characters buffered before they are encoded and sent. */
    private static final int FLUSH_CHARS = 64 * 1024;

    private final String create;
    private final String copy;
    private final String move;

    PostgresCopyInsert() {
        this(false);
    }

    /**
     * With {@code dropPerBatch}, each batch creates its staging table {@code ON COMMIT DROP} instead;
     * kept only to measure the two against each other.
     */
    PostgresCopyInsert(boolean dropPerBatch) {
        String staging = "pg_temp." + (dropPerBatch ? STAGING + "_tx" : STAGING);
        this.create = dropPerBatch
                ? "CREATE TEMP TABLE " + staging + " ON COMMIT DROP AS SELECT " + RunColumns.LIST + " FROM runs WITH NO DATA"
                : "CREATE TEMP TABLE IF NOT EXISTS " + staging + " ON COMMIT DELETE ROWS AS SELECT " + RunColumns.LIST
                        + " FROM runs WITH NO DATA";
        this.copy = "COPY " + staging + " (" + RunColumns.LIST + ") FROM STDIN";
        this.move = "INSERT INTO runs (" + RunColumns.LIST + ") SELECT " + RunColumns.LIST + " FROM " + staging
                + " ON CONFLICT (id) DO NOTHING";
    }

    @Override
    public int insert(Connection c, String projectId, List<RunRecord> runs, String[] versionIds)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(create);
            copy(c, copy, projectId, runs, versionIds);
            return s.executeUpdate(move);
        }
    }

    private static void copy(Connection c, String sql, String projectId, List<RunRecord> runs, String[] versionIds)
            throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            StringBuilder rows = new StringBuilder(FLUSH_CHARS + 4 * 1024);
            for (int i = 0; i < runs.size(); i++) {
                CopyText.appendRow(rows, projectId, versionIds[i], runs.get(i));
                if (rows.length() >= FLUSH_CHARS) {
                    send(in, rows);
                }
            }
            send(in, rows);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void send(CopyIn in, StringBuilder rows) throws SQLException {
        if (rows.length() > 0) {
            // Lone surrogates become '?', as pgjdbc's own encoder does for bound strings.
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            rows.setLength(0);
        }
    }
}
