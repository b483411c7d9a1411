package org.bighummingbird.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bighummingbird.core.JudgeRegistration;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;

/** Judge versions: numbered by {@link VersionNumbers} (by judge key), listed and found by tag. */
final class JudgeRegistry {
    private static final String COLUMNS = "v.id, j.name, v.version, v.judge_key, v.kind, v.description,"
            + " v.spec_json, v.code, v.metadata, v.created_at";
    private static final String FROM = " FROM judge_versions v JOIN judges j ON j.id = v.judge_id";

    private final Database db;

    JudgeRegistry(Database db) {
        this.db = db;
    }

    RegisteredJudge register(ProjectRef project, JudgeRegistration reg) throws SQLException {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("kind", reg.kind());
        columns.put("description", reg.description());
        columns.put("spec_json", reg.specJson());
        columns.put("code", reg.code());
        columns.put("metadata", reg.metadataJson());
        VersionNumbers.Assigned assigned = VersionNumbers.assign(db, VersionNumbers.JUDGES, project,
                reg.judgeName(), reg.key(), columns);
        return new RegisteredJudge(assigned.id(), new Tag(reg.judgeName(), assigned.version()), assigned.existed());
    }

    /** Every version of every judge in the project, by name then version. */
    List<JudgeVersion> list(ProjectRef project) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM
                    + " WHERE j.project_id = ? ORDER BY j.name, v.version")) {
                ps.setString(1, project.id());
                try (ResultSet rs = ps.executeQuery()) {
                    List<JudgeVersion> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                    return out;
                }
            }
        });
    }

    Optional<JudgeVersion> find(ProjectRef project, TagReference tag) throws SQLException {
        return db.read(c -> {
            String version = tag.isLatest()
                    ? "(SELECT MAX(version) FROM judge_versions WHERE judge_id = j.id)"
                    : "?";
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM
                    + " WHERE j.project_id = ? AND j.name = ? AND v.version = " + version)) {
                ps.setString(1, project.id());
                ps.setString(2, tag.name());
                if (!tag.isLatest()) {
                    ps.setInt(3, tag.version());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    private static JudgeVersion row(ResultSet rs) throws SQLException {
        return new JudgeVersion(rs.getString(1), new Tag(rs.getString(2), rs.getInt(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getLong(10));
    }
}
