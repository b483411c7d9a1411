package org.bighummingbird.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Bounded reads of a comparison for the dashboard: the counts by one aggregate query over the rows
 * both evaluations hold (a join on the primary key {@code (evaluation_id, idx)}), and a page of rows
 * keyset-paged by row index, so the first page never reads more than a page of each side.
 * {@link EvaluationComparisons#compare} is the whole comparison the SDK and the CLI print; both
 * classify rows the same way.
 */
final class ComparisonQueries {
    private static final String ROW = "%1$s.idx, %1$s.input, %1$s.output, %1$s.score, %1$s.passed,"
            + " %1$s.latency_ns, %1$s.error, %1$s.run_id";
    private static final String FAILED = "(%1$s.error IS NOT NULL OR NOT %1$s.passed)";
    private static final String NOT_FAILED = "(%1$s.error IS NULL AND (%1$s.passed IS NULL OR %1$s.passed))";
    private static final String MATCHED = " FROM evaluation_rows a JOIN evaluation_rows b"
            + " ON b.evaluation_id = ? AND b.idx = a.idx WHERE a.evaluation_id = ?";

    private final Database db;

    ComparisonQueries(Database db) {
        this.db = db;
    }

    /** Counts regressions, improvements and unchanged rows of two complete, comparable evaluations. */
    EvaluationComparisonSummary summary(EvaluationInfo a, EvaluationInfo b) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT"
                    + " COALESCE(SUM(CASE WHEN " + NOT_FAILED.formatted("a") + " AND " + FAILED.formatted("b")
                    + " THEN 1 ELSE 0 END), 0),"
                    + " COALESCE(SUM(CASE WHEN " + FAILED.formatted("a") + " AND " + NOT_FAILED.formatted("b")
                    + " THEN 1 ELSE 0 END), 0),"
                    + " COUNT(*)" + MATCHED)) {
                ps.setString(1, b.id());
                ps.setString(2, a.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    int regressions = rs.getInt(1);
                    int improvements = rs.getInt(2);
                    int matched = rs.getInt(3);
                    // complete evaluations' row counts are their stored rows' (filled on completion)
                    int indexes = a.rows() + b.rows() - matched;
                    return new EvaluationComparisonSummary(a, b, regressions, improvements,
                            indexes - regressions - improvements);
                }
            }
        });
    }

    /** A page of rows from {@code fromIndex}, at most {@code limit}, of the rows {@code show} keeps. */
    EvaluationComparisonPage page(EvaluationInfo a, EvaluationInfo b, EvaluationComparisonPage.Show show,
            int fromIndex, int limit) throws SQLException {
        return db.read(c -> show == EvaluationComparisonPage.Show.ALL
                ? all(c, a.id(), b.id(), fromIndex, limit)
                : changed(c, a.id(), b.id(), show, fromIndex, limit));
    }

    /**
     * Every index either side holds: the first {@code limit + 1} indexes of the union are among the
     * first {@code limit + 1} of each side, so a page of each is enough.
     */
    private static EvaluationComparisonPage all(Connection c, String a, String b, int from, int limit)
            throws SQLException {
        List<EvaluationRowView> xs = side(c, a, from, limit + 1);
        List<EvaluationRowView> ys = side(c, b, from, limit + 1);
        List<EvaluationComparison.RowDelta> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        while ((i < xs.size() || j < ys.size()) && rows.size() <= limit) {
            int ix = i < xs.size() ? xs.get(i).index() : Integer.MAX_VALUE;
            int iy = j < ys.size() ? ys.get(j).index() : Integer.MAX_VALUE;
            int index = Math.min(ix, iy);
            EvaluationRowView x = ix == index ? xs.get(i++) : null;
            EvaluationRowView y = iy == index ? ys.get(j++) : null;
            rows.add(new EvaluationComparison.RowDelta(index, x, y, EvaluationComparisons.change(x, y)));
        }
        return cut(rows, limit);
    }

    private static EvaluationComparisonPage changed(Connection c, String a, String b,
            EvaluationComparisonPage.Show show, int from, int limit) throws SQLException {
        String condition = show == EvaluationComparisonPage.Show.REGRESSIONS
                ? NOT_FAILED.formatted("a") + " AND " + FAILED.formatted("b")
                : FAILED.formatted("a") + " AND " + NOT_FAILED.formatted("b");
        String change = show == EvaluationComparisonPage.Show.REGRESSIONS
                ? EvaluationComparison.RowDelta.REGRESSION : EvaluationComparison.RowDelta.IMPROVEMENT;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ROW.formatted("a") + ", " + ROW.formatted("b")
                + MATCHED + " AND a.idx >= ? AND " + condition + " ORDER BY a.idx LIMIT ?")) {
            ps.setString(1, b);
            ps.setString(2, a);
            ps.setInt(3, from);
            ps.setInt(4, limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
                List<EvaluationComparison.RowDelta> rows = new ArrayList<>();
                while (rs.next()) {
                    EvaluationRowView x = Evaluations.row(rs, 0);
                    EvaluationRowView y = Evaluations.row(rs, 8);
                    rows.add(new EvaluationComparison.RowDelta(x.index(), x, y, change));
                }
                return cut(rows, limit);
            }
        }
    }

    private static List<EvaluationRowView> side(Connection c, String id, int from, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ROW.formatted("r")
                + " FROM evaluation_rows r WHERE r.evaluation_id = ? AND r.idx >= ? ORDER BY r.idx LIMIT ?")) {
            ps.setString(1, id);
            ps.setInt(2, from);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<EvaluationRowView> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(Evaluations.row(rs, 0));
                }
                return out;
            }
        }
    }

    private static EvaluationComparisonPage cut(List<EvaluationComparison.RowDelta> rows, int limit) {
        if (rows.size() <= limit) {
            return new EvaluationComparisonPage(rows, -1);
        }
        return new EvaluationComparisonPage(rows.subList(0, limit), rows.get(limit).index());
    }
}
