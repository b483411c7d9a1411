package org.bighummingbird.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bighummingbird.core.RunRecord;

/**
 * PostgreSQL: multi-row {@code INSERT … VALUES (…),(…) ON CONFLICT (project_id, id) DO NOTHING} statements of
 * {@link #ROWS_PER_STATEMENT} rows, one round trip per chunk, each returning the ids of the rows that were new.
 *
 * <p>Measured against COPY into a staging table followed by one {@code INSERT … SELECT … ON
 * CONFLICT}: no slower for new runs, faster for repeated ones (docs/benchmarks.md, 3e). Either way
 * the server's own work per row (heap, four indexes, WAL) is most of the cost.
 */
final class PostgresMultiRowInsert implements BatchInsert {
    /** Rows per statement; 15 columns each stays far below the 65,535 bind-parameter limit. */
    static final int ROWS_PER_STATEMENT = 1_000;
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String FULL_CHUNK = statement(ROWS_PER_STATEMENT);

    @Override
    public int insert(Connection c, String projectId, List<RunRecord> runs, String[] versionIds,
            boolean[] inserted) throws SQLException {
        int total = 0;
        for (int from = 0; from < runs.size(); from += ROWS_PER_STATEMENT) {
            int to = Math.min(runs.size(), from + ROWS_PER_STATEMENT);
            int rows = to - from;
            try (PreparedStatement ps = c.prepareStatement(rows == ROWS_PER_STATEMENT ? FULL_CHUNK : statement(rows))) {
                for (int i = from; i < to; i++) {
                    RunColumns.bind(ps, (i - from) * RunColumns.COUNT, projectId, versionIds[i], runs.get(i));
                }
                total += markInserted(ps, runs, from, to, inserted);
            }
        }
        return total;
    }

    /**
     * Runs the statement and marks the runs whose ids it returned. A repeated id within the chunk is
     * inserted once, as its first occurrence (rows are inserted in VALUES order).
     */
    private static int markInserted(PreparedStatement ps, List<RunRecord> runs, int from, int to, boolean[] inserted)
            throws SQLException {
        Map<String, Integer> first = new HashMap<>();
        for (int i = to - 1; i >= from; i--) {
            first.put(runs.get(i).id(), i);
        }
        int total = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Integer at = first.get(rs.getString(1));
                if (at != null && !inserted[at]) {
                    inserted[at] = true;
                    total++;
                }
            }
        }
        return total;
    }

    private static String statement(int rows) {
        StringBuilder sql = new StringBuilder(rows * (ROW.length() + 1) + 300);
        sql.append("INSERT INTO runs (").append(RunColumns.LIST).append(") VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i > 0 ? "," : "").append(ROW);
        }
        return sql.append(" ON CONFLICT (project_id, id) DO NOTHING RETURNING id").toString();
    }
}
