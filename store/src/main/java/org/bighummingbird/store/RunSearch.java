package org.bighummingbird.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL of the dashboard's run list: the filters of a {@link RunFilter} on the indexed columns,
 * keyset paging by (started_at DESC, id DESC), and a bounded text search. The text search looks at
 * the {@link DashboardQueries#TEXT_SEARCH_WINDOW} runs after the cursor that pass the other filters,
 * and when that window is full and fewer runs than a page match, the page's cursor continues after
 * the window, so paging on searches further without any one page scanning more.
 */
final class RunSearch {
    /** What a run view reads beside the run aliased {@code r}: its model version and its judge. */
    private static final String JOINS = " JOIN model_versions v ON v.id = r.model_version_id"
            + " JOIN models m ON m.id = v.model_id"
            + " LEFT JOIN judge_versions jv ON jv.id = r.judge_version_id"
            + " LEFT JOIN judges jn ON jn.id = jv.judge_id";
    private static final String FROM = " FROM runs r" + JOINS;
    private static final String ORDER = " ORDER BY r.started_at DESC, r.id DESC";
    /**
     * Up to this many versions, a model filter without a version reads each version's index and merges
     * them ({@link #mergedSql}); a model with more falls back to the project's index.
     */
    static final int MAX_MERGED_VERSIONS = 64;

    private RunSearch() {}

    /** Runs of the project where {@code condition} (one parameter, {@code value}) holds, by start time. */
    static List<RunView> byIds(Connection c, ProjectRef project, String condition, String value, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + Queries.RUN_COLUMNS + FROM
                + " WHERE r.project_id = ? AND " + condition + " ORDER BY r.started_at, r.id LIMIT ?")) {
            ps.setString(1, project.id());
            ps.setString(2, value);
            ps.setInt(3, limit);
            return views(ps);
        }
    }

    /**
     * The runs whose root is {@code rootId}, in the project, at most {@code limit}. Looked up by the
     * root index alone (runs_root): with a project_id term and an order on started_at the database may
     * walk the project's index instead, every run of the project. The project is checked per row.
     */
    static List<RunView> trace(Connection c, ProjectRef project, String rootId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + Queries.RUN_COLUMNS + ", r.project_id" + FROM
                + " WHERE r.root_run_id = ? LIMIT ?")) {
            ps.setString(1, rootId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<RunView> out = new ArrayList<>();
                while (rs.next()) {
                    if (project.id().equals(rs.getString(Queries.RUN_COLUMN_COUNT + 1))) {
                        out.add(Queries.runView(rs));
                    }
                }
                return out;
            }
        }
    }

    static RunPage page(Connection c, ProjectRef project, RunFilter filter, RunCursor after) throws SQLException {
        String versionId = null;
        if (filter.version() != null) {
            // By the version's id, so the database walks that version's index (model_version_id, started_at)
            // instead of all the project's runs when the other filters match few.
            versionId = versionId(c, project, filter.model(), filter.version());
            if (versionId == null) {
                return new RunPage(List.of(), null);
            }
        }
        List<String> merged = null;
        if (versionId == null && filter.model() != null) {
            // Filtered by model alone: the project's index would be walked past every other model's runs
            // (on PostgreSQL, 448 ms a page with 1 of 20 models). Each version's index instead, merged.
            List<String> versions = versionIds(c, project, filter.model(), MAX_MERGED_VERSIONS + 1);
            if (versions.isEmpty()) {
                return new RunPage(List.of(), null);
            }
            merged = versions.size() <= MAX_MERGED_VERSIONS ? versions : null;
        }
        if (filter.text() == null) {
            try (PreparedStatement ps = select(c, project, filter, versionId, merged, after, filter.limit() + 1)) {
                return page(views(ps), filter.limit(), null);
            }
        }
        // One pass over the window, newest first, matching in Java: it stops as soon as a page and one
        // more have matched, and the last run read is where the next page's search continues.
        String needle = filter.text().toLowerCase(Locale.ROOT);
        List<RunView> matches = new ArrayList<>();
        RunView lastRead = null;
        int read = 0;
        try (PreparedStatement ps = select(c, project, filter, versionId, merged, after,
                DashboardQueries.TEXT_SEARCH_WINDOW); ResultSet rs = ps.executeQuery()) {
            while (matches.size() <= filter.limit() && rs.next()) {
                lastRead = Queries.runView(rs);
                read++;
                if (contains(lastRead.inputsJson(), needle) || contains(lastRead.outputJson(), needle)) {
                    matches.add(lastRead);
                }
            }
        }
        if (matches.size() > filter.limit()) {
            return page(matches, filter.limit(), null);
        }
        return page(matches, filter.limit(),
                read == DashboardQueries.TEXT_SEARCH_WINDOW ? RunCursor.after(lastRead) : null);
    }

    /**
     * The first {@code limit} runs that pass the filter after the cursor, newest first: from one index
     * (the version's, or the project's), or merged from the indexes of the {@code merged} versions.
     */
    private static PreparedStatement select(Connection c, ProjectRef project, RunFilter filter, String versionId,
            List<String> merged, RunCursor after, int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        if (merged == null) {
            String where = where(project, filter, versionId, after, params);
            params.add(limit);
            return prepare(c, "SELECT " + Queries.RUN_COLUMNS + FROM + where + ORDER + " LIMIT ?", params);
        }
        return prepare(c, mergedSql(project, filter, merged, after, limit, params), params);
    }

    /**
     * Each version's newest {@code limit} keys from its own index, the newest {@code limit} of all
     * those, and only then their rows: at most versions × limit index entries and limit rows are read,
     * however many runs the project holds.
     */
    private static String mergedSql(ProjectRef project, RunFilter filter, List<String> versions, RunCursor after,
            int limit, List<Object> params) {
        StringBuilder sql = new StringBuilder("SELECT ").append(Queries.RUN_COLUMNS)
                .append(" FROM (SELECT id, started_at FROM (");
        for (int i = 0; i < versions.size(); i++) {
            if (i > 0) {
                sql.append(" UNION ALL ");
            }
            sql.append("SELECT * FROM (SELECT r.id, r.started_at FROM runs r")
                    .append(where(project, filter, versions.get(i), after, params))
                    .append(ORDER).append(" LIMIT ?) v").append(i);
            params.add(limit);
        }
        sql.append(") keys ORDER BY started_at DESC, id DESC LIMIT ?) p")
                .append(" JOIN runs r ON r.project_id = ? AND r.id = p.id")
                .append(JOINS)
                .append(ORDER);
        params.add(limit);
        params.add(project.id());
        return sql.toString();
    }

    private static boolean contains(String json, String lowerNeedle) {
        return json != null && json.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }

    private static RunPage page(List<RunView> runs, int limit, RunCursor windowEnd) {
        if (runs.size() > limit) {
            List<RunView> shown = runs.subList(0, limit);
            return new RunPage(shown, RunCursor.after(shown.get(limit - 1)).encode());
        }
        return new RunPage(runs, windowEnd == null ? null : windowEnd.encode());
    }

    private static String versionId(Connection c, ProjectRef project, String model, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT v.id FROM model_versions v JOIN models m"
                + " ON m.id = v.model_id WHERE m.project_id = ? AND m.name = ? AND v.version = ?")) {
            ps.setString(1, project.id());
            ps.setString(2, model);
            ps.setInt(3, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The ids of the versions of {@code model} in the project, at most {@code limit}. */
    private static List<String> versionIds(Connection c, ProjectRef project, String model, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT v.id FROM model_versions v JOIN models m"
                + " ON m.id = v.model_id WHERE m.project_id = ? AND m.name = ? LIMIT ?")) {
            ps.setString(1, project.id());
            ps.setString(2, model);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }

    private static String where(ProjectRef project, RunFilter f, String versionId, RunCursor after,
            List<Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE ");
        if (versionId != null) {
            // The version was found in this project, so its runs are the project's: no project_id term,
            // which leaves the database one index to choose, the version's.
            sql.append("r.model_version_id = ?");
            params.add(versionId);
        } else {
            sql.append("r.project_id = ?");
            params.add(project.id());
            if (f.model() != null) {
                sql.append(" AND m.name = ?");
                params.add(f.model());
            }
        }
        if (f.errors() != null) {
            sql.append(f.errors() ? " AND r.error_type IS NOT NULL" : " AND r.error_type IS NULL");
        }
        if (f.passed() != null) {
            sql.append(" AND r.passed = ?");
            params.add(f.passed());
        }
        if (f.fromMicros() != null) {
            sql.append(" AND r.started_at >= ?");
            params.add(f.fromMicros());
        }
        if (f.toMicros() != null) {
            sql.append(" AND r.started_at < ?");
            params.add(f.toMicros());
        }
        if (after != null) {
            // (started_at, id) < (?, ?), spelt out for SQLite; the leading <= keeps an index range on started_at.
            sql.append(" AND r.started_at <= ? AND (r.started_at < ? OR r.id < ?)");
            params.addAll(List.of(after.startedAtMicros(), after.startedAtMicros(), after.runId()));
        }
        return sql.toString();
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    private static List<RunView> views(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<RunView> out = new ArrayList<>();
            while (rs.next()) {
                out.add(Queries.runView(rs));
            }
            return out;
        }
    }
}
