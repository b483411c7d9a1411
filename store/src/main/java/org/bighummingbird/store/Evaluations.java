package org.bighummingbird.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bighummingbird.core.Tag;

/**
 * Evaluations: created running under the client's id (a retried create finds the first one's),
 * rows appended in batches (checked against the dataset by {@link EvaluationRowChecks}: a row sent
 * again is not written again), each write a heartbeat, then completed with
 * the summary computed from the stored rows in the same transaction, or failed with a reason, or
 * abandoned by {@link EvaluationSweep} when the heartbeat stopped.
 */
final class Evaluations {
    /** Most rows in one INSERT: 9 bind values each. */
    static final int INSERT_ROWS = 200;
    static final String COLUMNS = "e.id, e.model_tag, d.name, dv.version, j.name, jv.version, e.status,"
            + " e.failure, e.parallelism, e.row_count, e.passed_count, e.failed_count, e.error_count,"
            + " e.mean_score, e.min_score, e.max_score, e.latency_p50_ns, e.latency_p95_ns, e.created_at,"
            + " e.finished_at, e.heartbeat_at";
    static final String FROM = " FROM evaluations e"
            + " JOIN dataset_versions dv ON dv.id = e.dataset_version_id JOIN datasets d ON d.id = dv.dataset_id"
            + " JOIN judge_versions jv ON jv.id = e.judge_version_id JOIN judges j ON j.id = jv.judge_id";

    private final Database db;

    Evaluations(Database db) {
        this.db = db;
    }

    /**
     * Creates the evaluation with the client's id, or finds the one a create with that id made
     * before: the same content is that evaluation (a retry), other content is a conflict.
     */
    EvaluationCreation create(ProjectRef project, NewEvaluation e) throws SQLException {
        long now = Clock.nowMicros();
        boolean inserted = db.transaction(c -> insert(c, project, e, now));
        Optional<EvaluationInfo> stored = find(project, e.id());
        if (inserted) {
            return new EvaluationCreation(stored.orElseThrow(), true);
        }
        if (stored.isEmpty()) {
            // another project's: say no more than that the id is taken
            throw new EvaluationConflict("evaluation id " + e.id() + " is taken; a new evaluation needs a new id");
        }
        if (!e.sameContentAs(stored.get())) {
            EvaluationInfo s = stored.get();
            throw new EvaluationConflict("evaluation " + e.id() + " exists with model " + s.modelTag() + ", dataset "
                    + s.datasetTag() + ", judge " + s.judgeTag() + " and parallelism " + s.parallelism() + ", not "
                    + e.modelTag() + ", " + e.datasetTag() + ", " + e.judgeTag() + " and " + e.parallelism()
                    + "; a new evaluation needs a new id");
        }
        return new EvaluationCreation(stored.get(), false);
    }

    /** Inserts the evaluation running unless its id exists; whether it was inserted. */
    private static boolean insert(Connection c, ProjectRef project, NewEvaluation e, long now) throws SQLException {
        String model = idOf(c, "SELECT v.id FROM model_versions v JOIN models m ON m.id = v.model_id"
                + " WHERE m.project_id = ? AND m.name = ? AND v.version = ?", project, e.modelTag());
        String dataset = idOf(c, "SELECT v.id FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id"
                + " WHERE d.project_id = ? AND d.name = ? AND v.version = ?", project, e.datasetTag());
        if (dataset == null) {
            throw new NotFound("no dataset version " + e.datasetTag() + " in project \"" + project.name() + "\"");
        }
        String judge = idOf(c, "SELECT v.id FROM judge_versions v JOIN judges j ON j.id = v.judge_id"
                + " WHERE j.project_id = ? AND j.name = ? AND v.version = ?", project, e.judgeTag());
        if (judge == null) {
            throw new NotFound("no judge version " + e.judgeTag() + " in project \"" + project.name() + "\"");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO evaluations (id, project_id,"
                + " model_version_id, model_tag, dataset_version_id, judge_version_id, status, parallelism,"
                + " created_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            ps.setString(1, e.id());
            ps.setString(2, project.id());
            ps.setString(3, model);
            ps.setString(4, e.modelTag().toString());
            ps.setString(5, dataset);
            ps.setString(6, judge);
            ps.setString(7, EvaluationInfo.RUNNING);
            ps.setInt(8, e.parallelism());
            ps.setLong(9, now);
            ps.setLong(10, now);
            return ps.executeUpdate() == 1;
        }
    }

    /** Records a sign of life of the process running the evaluation. */
    EvaluationInfo heartbeat(ProjectRef project, String id) throws SQLException {
        db.transaction(c -> {
            beat(c, project, id);
            return null;
        });
        return find(project, id).orElseThrow(() -> notFound(project, id));
    }

    /**
     * Moves a running evaluation's heartbeat to now, else throws why it cannot: not found, or not
     * running. On PostgreSQL the update also locks the row until the transaction ends, so a sweep
     * cannot abandon an evaluation between this check and the write that follows it.
     */
    private static void beat(Connection c, ProjectRef project, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE evaluations SET heartbeat_at = ?"
                + " WHERE id = ? AND project_id = ? AND status = ?")) {
            ps.setLong(1, Clock.nowMicros());
            ps.setString(2, id);
            ps.setString(3, project.id());
            ps.setString(4, EvaluationInfo.RUNNING);
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        requireStatus(c, project, id, EvaluationInfo.RUNNING);
    }

    private static String idOf(Connection c, String sql, ProjectRef project, Tag tag) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, project.id());
            ps.setString(2, tag.name());
            ps.setInt(3, tag.version());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    void appendRows(ProjectRef project, String id, List<EvaluationRowView> sent) throws SQLException {
        db.transaction(c -> {
            beat(c, project, id);
            List<EvaluationRowView> rows = EvaluationRowChecks.rowsToInsert(c, id, sent);
            for (int start = 0; start < rows.size(); start += INSERT_ROWS) {
                int end = Math.min(rows.size(), start + INSERT_ROWS);
                StringBuilder sql = new StringBuilder("INSERT INTO evaluation_rows (evaluation_id, idx, input, output,"
                        + " score, passed, latency_ns, error, run_id) VALUES ");
                for (int i = start; i < end; i++) {
                    sql.append(i == start ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
                }
                try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                    int p = 1;
                    for (int i = start; i < end; i++) {
                        EvaluationRowView r = rows.get(i);
                        ps.setString(p++, id);
                        ps.setInt(p++, r.index());
                        ps.setString(p++, StoredText.of(r.inputJson()));
                        setText(ps, p++, r.outputJson());
                        if (r.score() == null) {
                            ps.setNull(p++, Types.DOUBLE);
                        } else {
                            ps.setDouble(p++, r.score());
                        }
                        if (r.passed() == null) {
                            ps.setNull(p++, Types.BOOLEAN);
                        } else {
                            ps.setBoolean(p++, r.passed());
                        }
                        ps.setLong(p++, r.latencyNs());
                        setText(ps, p++, r.error());
                        ps.setString(p++, r.runId());
                    }
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private static void setText(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, StoredText.of(value));
        }
    }

    /** Fills the summary from the stored rows and marks the evaluation complete, in one transaction. */
    EvaluationInfo complete(ProjectRef project, String id) throws SQLException {
        db.transaction(c -> {
            beat(c, project, id);
            EvaluationRowChecks.requireComplete(c, id);
            long n;
            try (PreparedStatement ps = c.prepareStatement("UPDATE evaluations SET status = ?, finished_at = ?,"
                    + " row_count = (SELECT COUNT(*) FROM evaluation_rows WHERE evaluation_id = ?),"
                    + " passed_count = (SELECT COUNT(*) FROM evaluation_rows WHERE evaluation_id = ? AND passed),"
                    + " failed_count = (SELECT COUNT(*) FROM evaluation_rows WHERE evaluation_id = ? AND NOT passed),"
                    + " error_count = (SELECT COUNT(*) FROM evaluation_rows WHERE evaluation_id = ?"
                    + " AND error IS NOT NULL),"
                    + " mean_score = (SELECT AVG(score) FROM evaluation_rows WHERE evaluation_id = ?),"
                    + " min_score = (SELECT MIN(score) FROM evaluation_rows WHERE evaluation_id = ?),"
                    + " max_score = (SELECT MAX(score) FROM evaluation_rows WHERE evaluation_id = ?)"
                    + " WHERE id = ?")) {
                int p = 1;
                ps.setString(p++, EvaluationInfo.COMPLETE);
                ps.setLong(p++, Clock.nowMicros());
                for (int i = 0; i < 8; i++) {
                    ps.setString(p++, id);
                }
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT row_count FROM evaluations WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    n = rs.getLong(1);
                }
            }
            if (n > 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE evaluations SET latency_p50_ns = ?, latency_p95_ns = ? WHERE id = ?")) {
                    ps.setLong(1, latencyAtRank(c, id, nearestRank(0.50, n)));
                    ps.setLong(2, latencyAtRank(c, id, nearestRank(0.95, n)));
                    ps.setString(3, id);
                    ps.executeUpdate();
                }
            }
            return null;
        });
        return find(project, id).orElseThrow();
    }

    /** The 1-based nearest rank of percentile {@code p} among {@code n} values. */
    static long nearestRank(double p, long n) {
        return Math.max(1, (long) Math.ceil(p * n));
    }

    private static long latencyAtRank(Connection c, String id, long rank) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT latency_ns FROM evaluation_rows"
                + " WHERE evaluation_id = ? ORDER BY latency_ns LIMIT 1 OFFSET ?")) {
            ps.setString(1, id);
            ps.setLong(2, rank - 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Marks a running evaluation failed; one that is complete or failed already stays as it is. */
    boolean fail(ProjectRef project, String id, String reason) throws SQLException {
        return db.transaction(c -> {
            requireExists(c, project, id);
            try (PreparedStatement ps = c.prepareStatement("UPDATE evaluations SET status = ?, failure = ?,"
                    + " finished_at = ? WHERE id = ? AND status = ?")) {
                ps.setString(1, EvaluationInfo.FAILED);
                ps.setString(2, StoredText.of(reason == null ? "unknown" : reason));
                ps.setLong(3, Clock.nowMicros());
                ps.setString(4, id);
                ps.setString(5, EvaluationInfo.RUNNING);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static String status(Connection c, ProjectRef project, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT status FROM evaluations WHERE id = ? AND project_id = ?")) {
            ps.setString(1, id);
            ps.setString(2, project.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void requireExists(Connection c, ProjectRef project, String id) throws SQLException {
        if (status(c, project, id) == null) {
            throw notFound(project, id);
        }
    }

    private static void requireStatus(Connection c, ProjectRef project, String id, String wanted)
            throws SQLException {
        String status = status(c, project, id);
        if (status == null) {
            throw notFound(project, id);
        }
        if (!status.equals(wanted)) {
            throw new IllegalStateException("evaluation " + id + " is " + status + ", not " + wanted);
        }
    }

    static NotFound notFound(ProjectRef project, String id) {
        return new NotFound("no evaluation " + id + " in project \"" + project.name() + "\"");
    }

    Optional<EvaluationInfo> find(ProjectRef project, String id) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM
                    + " WHERE e.id = ? AND e.project_id = ?")) {
                ps.setString(1, id);
                ps.setString(2, project.id());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(info(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The project's evaluations, newest first, at most {@code limit}. */
    List<EvaluationInfo> list(ProjectRef project, int limit) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM
                    + " WHERE e.project_id = ? ORDER BY e.created_at DESC, e.id DESC LIMIT ?")) {
                ps.setString(1, project.id());
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    List<EvaluationInfo> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(info(rs));
                    }
                    return out;
                }
            }
        });
    }

    List<EvaluationRowView> rows(ProjectRef project, String id, int from, int limit) throws SQLException {
        return db.read(c -> {
            requireExists(c, project, id);
            try (PreparedStatement ps = c.prepareStatement("SELECT idx, input, output, score, passed, latency_ns,"
                    + " error, run_id FROM evaluation_rows WHERE evaluation_id = ? AND idx >= ? ORDER BY idx LIMIT ?")) {
                ps.setString(1, id);
                ps.setInt(2, from);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    List<EvaluationRowView> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                    return out;
                }
            }
        });
    }

    /** A row from the columns idx, input, output, score, passed, latency_ns, error, run_id. */
    static EvaluationRowView row(ResultSet rs) throws SQLException {
        return row(rs, 0);
    }

    /** A row from those eight columns after the first {@code offset} of the result. */
    static EvaluationRowView row(ResultSet rs, int offset) throws SQLException {
        int o = offset;
        double score = rs.getDouble(o + 4);
        Double boxedScore = rs.wasNull() ? null : score;
        boolean passed = rs.getBoolean(o + 5);
        Boolean boxedPassed = rs.wasNull() ? null : passed;
        return new EvaluationRowView(rs.getInt(o + 1), rs.getString(o + 2), rs.getString(o + 3), boxedScore,
                boxedPassed, rs.getLong(o + 6), rs.getString(o + 7), rs.getString(o + 8));
    }

    static EvaluationInfo info(ResultSet rs) throws SQLException {
        return new EvaluationInfo(rs.getString(1), Tag.parse(rs.getString(2)), new Tag(rs.getString(3), rs.getInt(4)),
                new Tag(rs.getString(5), rs.getInt(6)), rs.getString(7), rs.getString(8), rs.getInt(9),
                integer(rs, 10), integer(rs, 11), integer(rs, 12), integer(rs, 13), decimal(rs, 14), decimal(rs, 15),
                decimal(rs, 16), longValue(rs, 17), longValue(rs, 18), rs.getLong(19), longValue(rs, 20),
                longValue(rs, 21));
    }

    private static Integer integer(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }

    private static Double decimal(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? null : v;
    }

    private static Long longValue(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }
}
