package org.bighummingbird.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.bighummingbird.core.RunRecord;

/** The columns of {@code runs} that ingest writes, in the order every insert path binds them. */
final class RunColumns {
    static final String LIST = "id, project_id, model_version_id, parent_run_id, root_run_id, started_at,"
            + " latency_ns, thread, inputs, output, output_shape, error_type, error_message, error_stack, attributes";
    static final int COUNT = 15;

    private RunColumns() {}

    /** Binds one run's {@link #COUNT} columns after parameter {@code offset}, text by {@link StoredText#of}. */
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
        setText(ps, offset + 15, run.attributesJson());
    }

    private static void setText(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, StoredText.of(value));
        }
    }
}
