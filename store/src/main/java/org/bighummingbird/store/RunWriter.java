package org.bighummingbird.store;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bighummingbird.core.RunRecord;

/**
 * Writes batches of runs in one transaction, insert-or-ignore by run id, so retries are safe. Every
 * version key is resolved to its version id before the transaction begins, so a batch naming an
 * unregistered key stores nothing. The runs that were new are rolled up into their versions' statistics
 * in the same transaction ({@link VersionStats}), so a retried batch counts once. The write itself is the fastest safe path measured on each
 * database ({@link BatchInsert}): a JDBC batch on SQLite, multi-row statements on PostgreSQL (COPY
 * through a staging table was no faster; docs/benchmarks.md, 3e).
 */
final class RunWriter {
    private final Database db;
    private final VersionRegistry versions;
    private final BatchInsert inserts;
    private final VersionStats stats;

    RunWriter(Database db, VersionRegistry versions) {
        this.db = db;
        this.versions = versions;
        this.inserts = db.dialect() == Dialect.POSTGRES ? new PostgresMultiRowInsert() : new SqliteBatchInsert();
        this.stats = new VersionStats(db.dialect());
    }

    int insert(ProjectRef project, List<RunRecord> runs) throws SQLException {
        if (runs.isEmpty()) {
            return 0;
        }
        String[] versionIds = resolveVersions(project, runs);
        return db.transaction(c -> {
            boolean[] inserted = new boolean[runs.size()];
            int count = inserts.insert(c, project.id(), runs, versionIds, inserted);
            stats.add(c, runs, versionIds, inserted);
            RunAssessments.write(c, project.id(), runs);
            RunAttributes.write(c, project.id(), runs, inserted);
            return count;
        });
    }

    /** The version id of each run, in order; throws NotFound for a key never registered. */
    private String[] resolveVersions(ProjectRef project, List<RunRecord> runs) throws SQLException {
        Map<String, String> ids = new HashMap<>();
        String[] out = new String[runs.size()];
        for (int i = 0; i < out.length; i++) {
            RunRecord run = runs.get(i);
            String k = run.modelName() + '\u0000' + run.versionKey();
            String id = ids.get(k);
            if (id == null) {
                id = versions.idOf(project, run.modelName(), run.versionKey());
                if (id == null) {
                    throw new NotFound("run " + run.id() + " names version key " + run.versionKey() + " of model \""
                            + run.modelName() + "\" in project \"" + project.name() + "\", which was never registered");
                }
                ids.put(k, id);
            }
            out[i] = id;
        }
        return out;
    }
}
