package org.bighummingbird.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bighummingbird.core.Tag;

/**
 * The dashboard's reads: indexed and bounded, so no page scans all runs. Totals, error rates and
 * latency percentiles come from the per-version rollups (migration V10, {@link VersionStats}).
 * Reached through {@link Store#dashboard()}. Thread-safe.
 */
public final class DashboardQueries {
    /** Most runs one page lists. */
    public static final int MAX_RUN_PAGE = 500;
    /** Most runs a text search looks at per page, after the cursor and the other filters. */
    public static final int TEXT_SEARCH_WINDOW = 5_000;
    /** Most runs one trace tree shows. */
    public static final int MAX_TRACE = 1_000;

    private final Database db;
    private final String description;

    DashboardQueries(Database db, String description) {
        this.db = db;
        this.description = description;
    }

    private <T> T read(Database.SqlWork<T> work) {
        try {
            return db.read(work);
        } catch (SQLException e) {
            throw new StoreUnavailable("the " + description + " failed: " + e.getMessage(), e);
        }
    }

    /** The workspace's projects by name, with their totals. */
    public List<ProjectSummary> projects(String workspace) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT p.name, p.created_at,"
                    + " (SELECT COUNT(*) FROM models m WHERE m.project_id = p.id),"
                    + " (SELECT COALESCE(SUM(s.run_count), 0) FROM models m JOIN model_versions v ON v.model_id = m.id"
                    + "   JOIN version_stats s ON s.model_version_id = v.id WHERE m.project_id = p.id),"
                    + " (SELECT MAX(s.last_started_at) FROM models m JOIN model_versions v ON v.model_id = m.id"
                    + "   JOIN version_stats s ON s.model_version_id = v.id WHERE m.project_id = p.id)"
                    + " FROM projects p JOIN workspaces w ON w.id = p.workspace_id WHERE w.name = ? ORDER BY p.name")) {
                ps.setString(1, workspace);
                try (ResultSet rs = ps.executeQuery()) {
                    List<ProjectSummary> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new ProjectSummary(rs.getString(1), rs.getLong(3), rs.getLong(4), rs.getLong(2),
                                longOrNull(rs, 5)));
                    }
                    return out;
                }
            }
        });
    }

    /** The project's models by name, with their latest tag and totals. */
    public List<ModelSummary> models(ProjectRef project) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT m.name, MAX(v.version), COUNT(v.id),"
                    + " COALESCE(SUM(s.run_count), 0), COALESCE(SUM(s.error_count), 0), MAX(s.last_started_at)"
                    + " FROM models m JOIN model_versions v ON v.model_id = m.id"
                    + " LEFT JOIN version_stats s ON s.model_version_id = v.id"
                    + " WHERE m.project_id = ? GROUP BY m.id, m.name ORDER BY m.name")) {
                ps.setString(1, project.id());
                try (ResultSet rs = ps.executeQuery()) {
                    List<ModelSummary> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new ModelSummary(new Tag(rs.getString(1), rs.getInt(2)), rs.getInt(3), rs.getLong(4),
                                rs.getLong(5), longOrNull(rs, 6)));
                    }
                    return out;
                }
            }
        });
    }

    /** One model's versions, newest first, with their rollups; empty for a model the project lacks. */
    public List<VersionRollup> versions(ProjectRef project, String model) {
        return read(c -> rollups(c, project, model, null));
    }

    /** One version's rollup; empty when the project has no such version. */
    public Optional<VersionRollup> version(ProjectRef project, Tag tag) {
        return read(c -> rollups(c, project, tag.name(), tag.version()).stream().findFirst());
    }

    private static List<VersionRollup> rollups(Connection c, ProjectRef project, String model, Integer version)
            throws SQLException {
        String sql = "SELECT v.id, v.version, v.created_at, s.run_count, s.error_count, s.latency_sum_ns,"
                + " s.last_started_at,"
                + " (SELECT COUNT(*) FROM evaluations e WHERE e.model_version_id = v.id AND e.status = 'complete'),"
                + " (SELECT AVG(e.mean_score) FROM evaluations e WHERE e.model_version_id = v.id"
                + "   AND e.status = 'complete')"
                + " FROM models m JOIN model_versions v ON v.model_id = m.id"
                + " LEFT JOIN version_stats s ON s.model_version_id = v.id"
                + " WHERE m.project_id = ? AND m.name = ?" + (version == null ? "" : " AND v.version = ?")
                + " ORDER BY v.version DESC";
        List<String> ids = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, project.id());
            ps.setString(2, model);
            if (version != null) {
                ps.setInt(3, version);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                    rows.add(new Object[] {rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        longOrNull(rs, 7), rs.getInt(8), doubleOrNull(rs, 9)});
                }
            }
        }
        Map<String, long[]> histograms = histograms(c, ids);
        List<VersionRollup> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Object[] r = rows.get(i);
            long[] counts = histograms.get(ids.get(i));
            out.add(new VersionRollup(new Tag(model, (Integer) r[0]), (Long) r[1], (Long) r[2], (Long) r[3], (Long) r[4],
                    (Long) r[5], counts == null ? LatencyHistogram.empty() : LatencyHistogram.of(counts),
                    (Integer) r[6], (Double) r[7]));
        }
        return out;
    }

    private static Map<String, long[]> histograms(Connection c, List<String> versionIds) throws SQLException {
        Map<String, long[]> out = new HashMap<>();
        // In chunks: a model may have many versions, and a statement only so many parameters.
        for (int from = 0; from < versionIds.size(); from += 500) {
            List<String> chunk = versionIds.subList(from, Math.min(versionIds.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT model_version_id, bucket, run_count"
                    + " FROM version_latency WHERE model_version_id IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int bucket = rs.getInt(2);
                        if (bucket >= 0 && bucket < LatencyBuckets.COUNT) {
                            out.computeIfAbsent(rs.getString(1), id -> new long[LatencyBuckets.COUNT])[bucket] +=
                                    rs.getLong(3);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** One run of the project by id; empty when the project has none with that id. */
    public Optional<RunView> run(ProjectRef project, String runId) {
        return read(c -> {
            List<RunView> found = RunSearch.byIds(c, project, "r.id = ?", runId, 1);
            return found.stream().findFirst();
        });
    }

    /** The runs of one trace (every run whose root is {@code rootId}, and the root), by start; at most {@link #MAX_TRACE}. */
    public List<RunView> trace(ProjectRef project, String rootId) {
        return read(c -> {
            List<RunView> out = new ArrayList<>(RunSearch.byIds(c, project, "r.id = ?", rootId, 1));
            out.addAll(RunSearch.trace(c, project, rootId, MAX_TRACE));
            return out;
        });
    }

    /**
     * A page of the project's runs matching the filter, newest first; see {@link Store#runsPage} for
     * the cursor.
     *
     * @throws IllegalArgumentException when the cursor is not one this store made
     */
    public RunPage runs(ProjectRef project, RunFilter filter, String cursor) {
        RunCursor after = RunCursor.decode(cursor);
        return read(c -> RunSearch.page(c, project, filter, after));
    }

    /** The project's evaluations matching the filter, newest first, at most {@code limit} (1 to 10,000). */
    public List<EvaluationInfo> evaluations(ProjectRef project, EvaluationFilter filter, int limit) {
        if (limit < 1 || limit > EvaluationStore.MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1 to " + EvaluationStore.MAX_PAGE + ", got " + limit);
        }
        StringBuilder sql = new StringBuilder("SELECT " + Evaluations.COLUMNS + Evaluations.FROM
                + " LEFT JOIN model_versions mv ON mv.id = e.model_version_id LEFT JOIN models mm ON mm.id = mv.model_id"
                + " WHERE e.project_id = ?");
        List<Object> params = new ArrayList<>(List.of(project.id()));
        if (filter.model() != null) {
            // model_tag is kept even when the version is not in this store; match on it by name.
            if (filter.modelVersion() != null) {
                sql.append(" AND e.model_tag = ?");
                params.add(new Tag(filter.model(), filter.modelVersion()).toString());
            } else {
                sql.append(" AND SUBSTR(e.model_tag, 1, ?) = ?");
                params.add(filter.model().length() + 2);
                params.add(filter.model() + ":v");
            }
        }
        if (filter.dataset() != null) {
            sql.append(" AND d.name = ?");
            params.add(filter.dataset());
            if (filter.datasetVersion() != null) {
                sql.append(" AND dv.version = ?");
                params.add(filter.datasetVersion());
            }
        }
        if (filter.judge() != null) {
            sql.append(" AND j.name = ?");
            params.add(filter.judge());
            if (filter.judgeVersion() != null) {
                sql.append(" AND jv.version = ?");
                params.add(filter.judgeVersion());
            }
        }
        sql.append(" ORDER BY e.created_at DESC, e.id DESC LIMIT ?");
        params.add(limit);
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    List<EvaluationInfo> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(Evaluations.info(rs));
                    }
                    return out;
                }
            }
        });
    }

    static Long longOrNull(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    private static Double doubleOrNull(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? null : v;
    }
}
