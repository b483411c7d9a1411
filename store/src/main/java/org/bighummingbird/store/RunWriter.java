package org.bighummingbird.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bighummingbird.core.RunRecord;

/** Writes batches of runs in one transaction, insert-or-ignore by run id, so retries are safe. */
final class RunWriter {
    private static final String INSERT = "INSERT INTO runs (id, project_id, model_version_id, parent_run_id,"
            + " root_run_id, started_at, latency_ns, thread, inputs, output, output_shape, error_type,"
            + " error_message, error_stack) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (id) DO NOTHING";

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
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (RunRecord run : runs) {
                    bind(ps, project, versionIds.get(run.modelName() + '\u0000' + run.versionKey()), run);
                    ps.addBatch();
                }
                int inserted = 0;
                for (int count : ps.executeBatch()) {
                    inserted += count > 0 ? count : 0;
                }
                return inserted;
            }
        });
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

    private static void bind(PreparedStatement ps, ProjectRef project, String versionId, RunRecord run)
            throws SQLException {
        ps.setString(1, run.id());
        ps.setString(2, project.id());
        ps.setString(3, versionId);
        setNullable(ps, 4, run.parentId());
        setNullable(ps, 5, run.rootId());
        ps.setLong(6, run.startedAtMicros());
        ps.setLong(7, run.latencyNs());
        ps.setString(8, run.thread());
        ps.setString(9, run.inputsJson());
        setNullable(ps, 10, run.outputJson());
        setNullable(ps, 11, run.outputShapeJson());
        setNullable(ps, 12, run.errorType());
        setNullable(ps, 13, run.errorMessage());
        setNullable(ps, 14, run.errorStack());
    }

    private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }
}
