package org.bighummingbird.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bighummingbird.core.DatasetRow;
import org.bighummingbird.core.DatasetUpload;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;

/**
 * Dataset versions: registered by content key through {@link VersionNumbers}, with every row written
 * in the transaction that creates the version; read back as headers and as pages of rows by index.
 */
final class Datasets {
    /** Most rows in one INSERT: 4 bind values each, far below SQLite's and PostgreSQL's limits. */
    static final int INSERT_ROWS = 500;
    /** Most characters of JSON in one INSERT, so that large rows make smaller statements. */
    static final long INSERT_CHARS = 4L << 20;
    /** The highest version of the dataset aliased {@code d}: what {@code name:latest} means. */
    private static final String LATEST_VERSION = "(SELECT MAX(version) FROM dataset_versions WHERE dataset_id = d.id)";
    private static final String VERSION_COLUMNS = "d.name, v.version, v.content_key, v.description, v.row_count,"
            + " v.created_at";

    private final Database db;

    Datasets(Database db) {
        this.db = db;
    }

    RegisteredDataset register(ProjectRef project, DatasetUpload upload) throws SQLException {
        // Uploading known rows again is common (every run of a program); answer it without a write lock.
        Optional<Tag> known = db.read(c -> find(c, project, upload.name(), upload.contentKey()));
        if (known.isPresent()) {
            return new RegisteredDataset(known.get(), true, upload.rows().size());
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("description", upload.description());
        columns.put("row_count", upload.rows().size());
        VersionNumbers.Assigned assigned = VersionNumbers.assign(db, VersionNumbers.DATASETS, project,
                upload.name(), upload.contentKey(), columns, (c, id) -> insertRows(c, id, upload.rows()));
        return new RegisteredDataset(new Tag(upload.name(), assigned.version()), assigned.existed(),
                upload.rows().size());
    }

    private static Optional<Tag> find(Connection c, ProjectRef project, String name, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT v.version FROM dataset_versions v"
                + " JOIN datasets d ON d.id = v.dataset_id WHERE d.project_id = ? AND d.name = ? AND v.content_key = ?")) {
            ps.setString(1, project.id());
            ps.setString(2, name);
            ps.setString(3, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Tag(name, rs.getInt(1))) : Optional.empty();
            }
        }
    }

    /** Multi-row INSERTs of up to {@link #INSERT_ROWS} rows or {@link #INSERT_CHARS} characters each. */
    private static void insertRows(Connection c, String versionId, List<DatasetRow> rows) throws SQLException {
        int start = 0;
        while (start < rows.size()) {
            int end = start;
            long chars = 0;
            while (end < rows.size() && end - start < INSERT_ROWS && (end == start || chars < INSERT_CHARS)) {
                DatasetRow row = rows.get(end);
                chars += row.inputJson().length() + (row.hasExpected() ? row.expectedJson().length() : 0);
                end++;
            }
            StringBuilder sql = new StringBuilder(
                    "INSERT INTO dataset_rows (dataset_version_id, idx, input_json, expected_json) VALUES ");
            for (int i = start; i < end; i++) {
                sql.append(i == start ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
            }
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int p = 1;
                for (int i = start; i < end; i++) {
                    DatasetRow row = rows.get(i);
                    ps.setString(p++, versionId);
                    ps.setInt(p++, i);
                    ps.setString(p++, row.inputJson());
                    ps.setString(p++, row.expectedJson());
                }
                ps.executeUpdate();
            }
            start = end;
        }
    }

    /** Every version of every dataset of the project, by name (Java's order on both databases), then version. */
    List<DatasetVersionInfo> list(ProjectRef project) throws SQLException {
        List<DatasetVersionInfo> out = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS
                    + " FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id WHERE d.project_id = ?")) {
                ps.setString(1, project.id());
                try (ResultSet rs = ps.executeQuery()) {
                    List<DatasetVersionInfo> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(info(rs));
                    }
                    return rows;
                }
            }
        });
        out.sort(Comparator.comparing((DatasetVersionInfo v) -> v.tag().name())
                .thenComparingInt(v -> v.tag().version()));
        return out;
    }

    Optional<DatasetVersionInfo> version(ProjectRef project, TagReference tag) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS
                    + " FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id"
                    + " WHERE d.project_id = ? AND d.name = ? AND v.version = "
                    + (tag.isLatest() ? LATEST_VERSION : "?"))) {
                ps.setString(1, project.id());
                ps.setString(2, tag.name());
                if (!tag.isLatest()) {
                    ps.setInt(3, tag.version());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(info(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Rows from index {@code from} on, at most {@code limit}; NotFound when the version does not exist. */
    List<DatasetRowView> rows(ProjectRef project, Tag tag, int from, int limit) throws SQLException {
        List<DatasetRowView> page = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT r.idx, r.input_json, r.expected_json"
                    + " FROM dataset_rows r JOIN dataset_versions v ON v.id = r.dataset_version_id"
                    + " JOIN datasets d ON d.id = v.dataset_id"
                    + " WHERE d.project_id = ? AND d.name = ? AND v.version = ? AND r.idx >= ?"
                    + " ORDER BY r.idx LIMIT ?")) {
                ps.setString(1, project.id());
                ps.setString(2, tag.name());
                ps.setInt(3, tag.version());
                ps.setInt(4, from);
                ps.setInt(5, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    List<DatasetRowView> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new DatasetRowView(rs.getInt(1), rs.getString(2), rs.getString(3)));
                    }
                    return out;
                }
            }
        });
        if (page.isEmpty() && version(project, new TagReference(tag.name(), tag.version())).isEmpty()) {
            throw new NotFound("no dataset version " + tag + " in project \"" + project.name() + "\"");
        }
        return page;
    }

    private static DatasetVersionInfo info(ResultSet rs) throws SQLException {
        return new DatasetVersionInfo(new Tag(rs.getString(1), rs.getInt(2)), rs.getString(3), rs.getString(4),
                rs.getInt(5), rs.getLong(6));
    }
}
