package org.bighummingbird.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bighummingbird.core.RunRecord;

/**
 * Writes batches of runs in one transaction, insert-or-ignore by run id, so retries are safe.
 *
 * <p>SQLite gets a JDBC batch of one-row inserts (in-process, already fast). PostgreSQL gets
 * multi-row {@code INSERT … VALUES (…),(…)} statements of {@link #ROWS_PER_STATEMENT} rows: one
 * round trip per chunk, and unlike pgjdbc's {@code reWriteBatchedInserts} each statement reports how
 * many rows were new. Measured locally (2 cores, 250,000 runs in calls of 5,000): 50,000-55,000
 * runs/s, against 44,000 for one-row batches and 59,000-61,000 with reWriteBatchedInserts, whose
 * counts are lost (docs/benchmarks.md, 3d).
 */
final class RunWriter {
    private static final String COLUMNS = "INSERT INTO runs (id, project_id, model_version_id, parent_run_id,"
            + " root_run_id, started_at, latency_ns, thread, inputs, output, output_shape, error_type,"
            + " error_message, error_stack) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ON_CONFLICT = " ON CONFLICT (id) DO NOTHING";
    private static final String INSERT = COLUMNS + ROW + ON_CONFLICT;
    private static final int COLUMN_COUNT = 14;
    /** Rows per PostgreSQL statement; 14 columns each stays far below the 65,535 bind-parameter limit. */
    static final int ROWS_PER_STATEMENT = 1_000;

    private final Database db;
    private final VersionRegistry versions;

    RunWriter(Database db, VersionRegistry versions) {
        this.db = db;
        this.versions = versions;
    }

    int insert(ProjectRef project, List<RunRecord> runs) throws SQLException {
        if (runs.isEmpty()) {
            return 0;
        }
        Map<String, String> versionIds = resolveVersions(project, runs);
        return db.transaction(c -> db.dialect() == Dialect.POSTGRES
                ? insertMultiRow(c, project, versionIds, runs)
                : insertBatch(c, project, versionIds, runs));
    }

    private static int insertBatch(Connection c, ProjectRef project, Map<String, String> versionIds,
            List<RunRecord> runs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (RunRecord run : runs) {
                bind(ps, 0, project, versionIdOf(versionIds, run), run);
                ps.addBatch();
            }
            int inserted = 0;
            for (int count : ps.executeBatch()) {
                inserted += count > 0 ? count : 0;
            }
            return inserted;
        }
    }

    private static int insertMultiRow(Connection c, ProjectRef project, Map<String, String> versionIds,
            List<RunRecord> runs) throws SQLException {
        int inserted = 0;
        PreparedStatement full = null;
        try {
            for (int from = 0; from < runs.size(); from += ROWS_PER_STATEMENT) {
                List<RunRecord> chunk = runs.subList(from, Math.min(runs.size(), from + ROWS_PER_STATEMENT));
                if (chunk.size() == ROWS_PER_STATEMENT) {
                    if (full == null) {
                        full = c.prepareStatement(multiRowInsert(ROWS_PER_STATEMENT));
                    }
                    inserted += executeChunk(full, project, versionIds, chunk);
                } else {
                    try (PreparedStatement last = c.prepareStatement(multiRowInsert(chunk.size()))) {
                        inserted += executeChunk(last, project, versionIds, chunk);
                    }
                }
            }
            return inserted;
        } finally {
            if (full != null) {
                full.close();
            }
        }
    }

    private static int executeChunk(PreparedStatement ps, ProjectRef project, Map<String, String> versionIds,
            List<RunRecord> chunk) throws SQLException {
        for (int row = 0; row < chunk.size(); row++) {
            RunRecord run = chunk.get(row);
            bind(ps, row * COLUMN_COUNT, project, versionIdOf(versionIds, run), run);
        }
        return ps.executeUpdate();
    }

    private static String multiRowInsert(int rows) {
        StringBuilder sql = new StringBuilder(COLUMNS.length() + rows * (ROW.length() + 1) + ON_CONFLICT.length());
        sql.append(COLUMNS);
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                sql.append(',');
            }
            sql.append(ROW);
        }
        return sql.append(ON_CONFLICT).toString();
    }

    private static String versionIdOf(Map<String, String> versionIds, RunRecord run) {
        return versionIds.get(run.modelName() + '\u0000' + run.versionKey());
    }

    private Map<String, String> resolveVersions(ProjectRef project, List<RunRecord> runs) throws SQLException {
        Map<String, String> ids = new HashMap<>();
        for (RunRecord run : runs) {
            String k = run.modelName() + '\u0000' + run.versionKey();
            if (!ids.containsKey(k)) {
                String id = versions.idOf(project, run.modelName(), run.versionKey());
                if (id == null) {
                    throw new NotFound("run " + run.id() + " names version key " + run.versionKey() + " of model \""
                            + run.modelName() + "\" in project \"" + project.name() + "\", which was never registered");
                }
                ids.put(k, id);
            }
        }
        return ids;
    }

    private static void bind(PreparedStatement ps, int offset, ProjectRef project, String versionId, RunRecord run)
            throws SQLException {
        ps.setString(offset + 1, run.id());
        ps.setString(offset + 2, project.id());
        ps.setString(offset + 3, versionId);
        setNullable(ps, offset + 4, run.parentId());
        setNullable(ps, offset + 5, run.rootId());
        ps.setLong(offset + 6, run.startedAtMicros());
        ps.setLong(offset + 7, run.latencyNs());
        ps.setString(offset + 8, run.thread());
        ps.setString(offset + 9, run.inputsJson());
        setNullable(ps, offset + 10, run.outputJson());
        setNullable(ps, offset + 11, run.outputShapeJson());
        setNullable(ps, offset + 12, run.errorType());
        setNullable(ps, offset + 13, run.errorMessage());
        setNullable(ps, offset + 14, run.errorStack());
    }

    private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }
}
