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
 * PostgreSQL: the batch is streamed with {@code COPY … FROM STDIN} (text format, {@link CopyText})
 * into a temporary staging table, then moved with one
 * {@code INSERT INTO runs SELECT … ON CONFLICT (id) DO NOTHING}, whose update count is the number of
 * new runs; all in the batch's transaction. COPY alone cannot skip ids already stored, hence the
 * detour through the staging table.
 *
 * <p>Every pooled connection creates its staging table once, when it opens ({@link #STAGING_DDL},
 * Hikari's {@code connectionInitSql}); {@code ON COMMIT DELETE ROWS} empties it at every commit
 * and a rollback takes the copied rows with it. So a batch costs no catalog change and no extra
 * round trip: COPY, INSERT, COMMIT.
 */
final class PostgresCopyInsert implements BatchInsert {
    private static final String STAGING = "bhb_runs_incoming";
    /**
     * Creates the staging table of a connection. Plain {@code text} columns: the move into
     * {@code runs} applies its types, lengths and NOT NULL constraints, and the table needs no
     * {@code runs} to exist yet (connections open before the migrations ran).
     */
    static final String STAGING_DDL = "CREATE TEMP TABLE IF NOT EXISTS " + STAGING + " (id text, project_id text,"
            + " model_version_id text, parent_run_id text, root_run_id text, started_at bigint, latency_ns bigint,"
            + " thread text, inputs text, output text, output_shape text, error_type text, error_message text,"
            + " error_stack text) ON COMMIT DELETE ROWS";
    /** Characters buffered before they are encoded and sent. */
    private static final int FLUSH_CHARS = 64 * 1024;

    private final String create;
    private final String copy;
    private final String move;

    PostgresCopyInsert() {
        this(false);
    }

    /**
     * With {@code dropPerBatch}, each batch creates its own staging table {@code ON COMMIT DROP}
     * instead; kept only to measure the two against each other.
     */
    PostgresCopyInsert(boolean dropPerBatch) {
        String staging = "pg_temp." + (dropPerBatch ? STAGING + "_tx" : STAGING);
        this.create = dropPerBatch
                ? "CREATE TEMP TABLE " + STAGING + "_tx ON COMMIT DROP AS SELECT " + RunColumns.LIST
                        + " FROM runs WITH NO DATA"
                : null;
        this.copy = "COPY " + staging + " (" + RunColumns.LIST + ") FROM STDIN";
        this.move = "INSERT INTO runs (" + RunColumns.LIST + ") SELECT " + RunColumns.LIST + " FROM " + staging
                + " ON CONFLICT (id) DO NOTHING";
    }

    @Override
    public int insert(Connection c, String projectId, List<RunRecord> runs, String[] versionIds)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            if (create != null) {
                s.execute(create);
            }
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
