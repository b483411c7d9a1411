package org.bighummingbird.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.bighummingbird.core.RunRecord;

/**
 * The index of run attributes ({@code run_attributes}): the top-level scalar attributes of each new run
 * that carries any, one row per key, so {@code ?attr.key=value} is an index lookup on both databases.
 * Written in the insert's transaction and only for runs that were new, so a retried batch adds nothing.
 */
final class RunAttributes {
    /** Longest value indexed (the column's width); longer values stay in {@code runs.attributes} only. */
    static final int MAX_VALUE = 256;
    /** Longest key indexed (the column's width). */
    static final int MAX_NAME = 200;
    private static final JsonFactory JSON = new JsonFactory();

    private RunAttributes() {}

    static void write(Connection c, String projectId, List<RunRecord> runs, boolean[] inserted) throws SQLException {
        PreparedStatement ps = null;
        try {
            for (int i = 0; i < runs.size(); i++) {
                RunRecord run = runs.get(i);
                if (run.attributesJson() == null || !inserted[i]) {
                    continue;
                }
                if (ps == null) {
                    ps = c.prepareStatement("INSERT INTO run_attributes (project_id, run_id, name, value)"
                            + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
                }
                addRows(ps, projectId, run);
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

    /** One batched row per indexable top-level attribute of {@code run}. */
    private static void addRows(PreparedStatement ps, String projectId, RunRecord run) throws SQLException {
        try (JsonParser p = JSON.createParser(run.attributesJson())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("run " + run.id() + ": attributes must be a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                String value = indexText(p, t);
                if (value == null || value.length() > MAX_VALUE || name.length() > MAX_NAME) {
                    continue;
                }
                ps.setString(1, projectId);
                ps.setString(2, run.id());
                ps.setString(3, StoredText.of(name));
                ps.setString(4, StoredText.of(value));
                ps.addBatch();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("run " + run.id() + ": attributes are not JSON: " + e.getMessage(), e);
        }
    }

    /** How a scalar is compared by the filter: a string as is, a number or boolean as written; null for null. */
    private static String indexText(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> p.getText();
            default -> null;
        };
    }
}
