package org.bighummingbird.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.bighummingbird.core.RunAssessment;
import org.bighummingbird.core.RunRecord;

/**
 * Assess mode's columns of {@code runs}: written by an UPDATE in the insert's transaction, only for
 * runs that carry an assessment, so the ingest path of every other run stays as it was measured.
 * Idempotent like the insert: a retried batch writes the same values again.
 */
final class RunAssessments {
    private RunAssessments() {}

    static void write(Connection c, String projectId, List<RunRecord> runs) throws SQLException {
        PreparedStatement ps = null;
        try {
            for (RunRecord run : runs) {
                RunAssessment a = run.assessment();
                if (a == null) {
                    continue;
                }
                if (a.judgeVersionId() == null) {
                    throw new IllegalArgumentException("run " + run.id() + ": an assessment names its judge by tag "
                            + a.judgeTag() + " only; resolve it to the judge version's id before storing");
                }
                if (ps == null) {
                    ps = c.prepareStatement("UPDATE runs SET judge_version_id = ?, score = ?, passed = ?,"
                            + " judge_error = ? WHERE id = ? AND project_id = ?");
                }
                ps.setString(1, a.judgeVersionId());
                if (a.score() == null) {
                    ps.setNull(2, Types.DOUBLE);
                } else {
                    ps.setDouble(2, a.score());
                }
                if (a.passed() == null) {
                    ps.setNull(3, Types.BOOLEAN);
                } else {
                    ps.setBoolean(3, a.passed());
                }
                if (a.error() == null) {
                    ps.setNull(4, Types.VARCHAR);
                } else {
                    ps.setString(4, StoredText.of(a.error()));
                }
                ps.setString(5, run.id());
                ps.setString(6, projectId);
                ps.addBatch();
            }
            if (ps != null) {
                ps.executeBatch();
            }
        } finally {
            if (ps != null) {
                ps.close();
            }
        }
    }

    static java.util.Optional<RunAssessment> read(Connection c, String projectId, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT judge_version_id, score, passed, judge_error FROM runs"
                + " WHERE id = ? AND project_id = ? AND judge_version_id IS NOT NULL")) {
            ps.setString(1, runId);
            ps.setString(2, projectId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return java.util.Optional.empty();
                }
                double score = rs.getDouble(2);
                Double boxedScore = rs.wasNull() ? null : score;
                boolean passed = rs.getBoolean(3);
                Boolean boxedPassed = rs.wasNull() ? null : passed;
                return java.util.Optional.of(new RunAssessment(rs.getString(1), boxedScore, boxedPassed,
                        rs.getString(4)));
            }
        }
    }
}
