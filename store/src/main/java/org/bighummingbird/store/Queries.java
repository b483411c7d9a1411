package org.bighummingbird.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;

/** The read side: versions and runs of a project. */
final class Queries {
    private static final String VERSION_COLUMNS = "m.name, v.version, v.version_key, v.code_fingerprint,"
            + " v.signature, v.created_at";
    static final String RUN_COLUMNS = "r.id, m.name, v.version, r.parent_run_id, r.root_run_id,"
            + " r.started_at, r.latency_ns, r.thread, r.inputs, r.output, r.output_shape, r.error_type,"
            + " r.error_message, r.error_stack, r.score, r.passed, jn.name, jv.version, r.judge_error, r.attributes";
    /** How many columns {@link #RUN_COLUMNS} names. */
    static final int RUN_COLUMN_COUNT = 20;
    private static final int MAX_SHAPES = 20;
    /** The highest version of the model aliased {@code m}: what {@code name:latest} means. */
    static final String LATEST_VERSION = "(SELECT MAX(version) FROM model_versions WHERE model_id = m.id)";

    private final Database db;

    Queries(Database db) {
        this.db = db;
    }

    List<ModelVersionInfo> versions(ProjectRef project) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS
                    + " FROM model_versions v JOIN models m ON m.id = v.model_id"
                    + " WHERE m.project_id = ? ORDER BY " + byName() + ", v.version")) {
                ps.setString(1, project.id());
                try (ResultSet rs = ps.executeQuery()) {
                    List<ModelVersionInfo> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(versionInfo(rs));
                    }
                    return out;
                }
            }
        });
    }

    /**
     * A page of versions ordered by (model name, version), continuing strictly after {@code after}
     * (keyset pagination, as for runs). One row more than the limit is read to learn whether
     * another page follows.
     */
    ModelPage versionsPage(ProjectRef project, int limit, ModelCursor after) throws SQLException {
        String continuing = after == null ? ""
                : " AND (" + byName() + " > ? OR (m.name = ? AND v.version > ?))";
        String sql = "SELECT " + VERSION_COLUMNS + " FROM model_versions v JOIN models m ON m.id = v.model_id"
                + " WHERE m.project_id = ?" + continuing + " ORDER BY " + byName() + ", v.version LIMIT ?";
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setString(i++, project.id());
                if (after != null) {
                    ps.setString(i++, after.name());
                    ps.setString(i++, after.name());
                    ps.setInt(i++, after.version());
                }
                ps.setInt(i, limit + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    List<ModelVersionInfo> out = new ArrayList<>();
                    while (rs.next()) {
                        if (out.size() == limit) {
                            return new ModelPage(out, ModelCursor.after(out.get(limit - 1)).encode());
                        }
                        out.add(versionInfo(rs));
                    }
                    return new ModelPage(out, null);
                }
            }
        });
    }

    /** Model names in code point order on both databases, whatever PostgreSQL's locale. */
    private String byName() {
        return db.dialect() == Dialect.POSTGRES ? "m.name COLLATE \"C\"" : "m.name";
    }

    Optional<ModelVersionDetail> version(ProjectRef project, TagReference tag) throws SQLException {
        return db.read(c -> {
            String versionFilter = tag.isLatest()
                    ? "v.version = " + LATEST_VERSION
                    : "v.version = ?";
            try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS
                    + ", v.code, v.code_kind, v.metadata, v.id FROM model_versions v JOIN models m ON m.id = v.model_id"
                    + " WHERE m.project_id = ? AND m.name = ? AND " + versionFilter)) {
                ps.setString(1, project.id());
                ps.setString(2, tag.name());
                if (!tag.isLatest()) {
                    ps.setInt(3, tag.version());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    ModelVersionInfo info = versionInfo(rs);
                    String code = rs.getString(7);
                    String kind = rs.getString(8);
                    String metadata = rs.getString(9);
                    String versionId = rs.getString(10);
                    return Optional.of(new ModelVersionDetail(info, runCount(c, versionId), code, kind, metadata,
                            shapes(c, versionId)));
                }
            }
        });
    }

    private static long runCount(java.sql.Connection c, String versionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM runs WHERE model_version_id = ?")) {
            ps.setString(1, versionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<ModelVersionDetail.ShapeCount> shapes(java.sql.Connection c, String versionId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT output_shape, COUNT(*) AS n FROM runs"
                + " WHERE model_version_id = ? AND output_shape IS NOT NULL"
                + " GROUP BY output_shape ORDER BY n DESC, output_shape LIMIT " + MAX_SHAPES)) {
            ps.setString(1, versionId);
            try (ResultSet rs = ps.executeQuery()) {
                List<ModelVersionDetail.ShapeCount> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new ModelVersionDetail.ShapeCount(rs.getString(1), rs.getLong(2)));
                }
                return out;
            }
        }
    }

    /**
     * A page of runs, ordered by (started_at DESC, id DESC), continuing strictly after {@code after}
     * (keyset pagination, so a page costs the same however deep it is). One row more than the limit
     * is read to learn whether another page follows.
     */
    RunPage runsPage(ProjectRef project, RunQuery query, RunCursor after) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + RUN_COLUMNS
                + " FROM runs r JOIN model_versions v ON v.id = r.model_version_id"
                + " JOIN models m ON m.id = v.model_id"
                + " LEFT JOIN judge_versions jv ON jv.id = r.judge_version_id"
                + " LEFT JOIN judges jn ON jn.id = jv.judge_id WHERE r.project_id = ?");
        List<Object> params = new ArrayList<>(List.of(project.id()));
        TagReference model = query.model();
        if (model != null) {
            sql.append(" AND m.name = ? AND v.version = ");
            params.add(model.name());
            if (model.isLatest()) {
                sql.append(LATEST_VERSION);
            } else {
                sql.append('?');
                params.add(model.version());
            }
        }
        if (query.fromMicros() != null) {
            sql.append(" AND r.started_at >= ?");
            params.add(query.fromMicros());
        }
        if (query.toMicros() != null) {
            sql.append(" AND r.started_at < ?");
            params.add(query.toMicros());
        }
        if (query.errorsOnly()) {
            sql.append(" AND r.error_type IS NOT NULL");
        }
        query.attributes().forEach((name, value) -> {
            sql.append(" AND EXISTS (SELECT 1 FROM run_attributes a WHERE a.project_id = r.project_id"
                    + " AND a.run_id = r.id AND a.name = ? AND a.value = ?)");
            // stored as StoredText makes it, so a U+0000 in the filter matches what was stored (and
            // never reaches PostgreSQL, which refuses it in text)
            params.add(StoredText.of(name));
            params.add(StoredText.of(value));
        });
        if (after != null) {
            // (started_at, id) < (?, ?), spelt out for SQLite; the leading <= keeps an index range on started_at.
            sql.append(" AND r.started_at <= ? AND (r.started_at < ? OR r.id < ?)");
            params.addAll(List.of(after.startedAtMicros(), after.startedAtMicros(), after.runId()));
        }
        sql.append(" ORDER BY r.started_at DESC, r.id DESC LIMIT ?");
        params.add(query.limit() + 1L);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                return page(ps, query.limit());
            }
        });
    }

    private static RunPage page(PreparedStatement ps, int limit) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<RunView> out = new ArrayList<>();
            while (rs.next()) {
                if (out.size() == limit) {
                    return new RunPage(out, RunCursor.after(out.get(limit - 1)).encode());
                }
                out.add(runView(rs));
            }
            return new RunPage(out, null);
        }
    }

    long countRuns(ProjectRef project) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM runs WHERE project_id = ?")) {
                ps.setString(1, project.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static ModelVersionInfo versionInfo(ResultSet rs) throws SQLException {
        return new ModelVersionInfo(new Tag(rs.getString(1), rs.getInt(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getLong(6));
    }

    static RunView runView(ResultSet rs) throws SQLException {
        double score = rs.getDouble(15);
        Double boxedScore = rs.wasNull() ? null : score;
        boolean passed = rs.getBoolean(16);
        Boolean boxedPassed = rs.wasNull() ? null : passed;
        String judgeName = rs.getString(17);
        Tag judge = judgeName == null ? null : new Tag(judgeName, rs.getInt(18));
        return new RunView(rs.getString(1), new Tag(rs.getString(2), rs.getInt(3)), rs.getString(4),
                rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), boxedScore, boxedPassed,
                judge, rs.getString(19), rs.getString(20));
    }
}
