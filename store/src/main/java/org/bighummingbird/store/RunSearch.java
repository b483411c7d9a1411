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
    private static final String FROM = " FROM runs r JOIN model_versions v ON v.id = r.model_version_id"
            + " JOIN models m ON m.id = v.model_id"
            + " LEFT JOIN judge_versions jv ON jv.id = r.judge_version_id"
            + " LEFT JOIN judges jn ON jn.id = jv.judge_id";
    private static final String ORDER = " ORDER BY r.started_at DESC, r.id DESC";

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
        List<Object> params = new ArrayList<>();
        String where = where(project, filter, versionId, after, params);
        if (filter.text() == null) {
            params.add(filter.limit() + 1);
            try (PreparedStatement ps = prepare(c, "SELECT " + Queries.RUN_COLUMNS + FROM + where + ORDER + " LIMIT ?",
                    params)) {
                return page(views(ps), filter.limit(), null);
            }
        }
        // One pass over the window, newest first, matching in Java: it stops as soon as a page and one
        // more have matched, and the last run read is where the next page's search continues.
        params.add(DashboardQueries.TEXT_SEARCH_WINDOW);
        String needle = filter.text().toLowerCase(Locale.ROOT);
        List<RunView> matches = new ArrayList<>();
        RunView lastRead = null;
        int read = 0;
        try (PreparedStatement ps = prepare(c, "SELECT " + Queries.RUN_COLUMNS + FROM + where + ORDER + " LIMIT ?",
                params); ResultSet rs = ps.executeQuery()) {
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
