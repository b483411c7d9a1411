package org.bighummingbird.store.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bighummingbird.core.CanonicalJson;
import org.bighummingbird.core.InvalidJson;
import org.bighummingbird.core.Tag;
import org.bighummingbird.store.DatasetRowView;
import org.bighummingbird.store.DatasetVersionInfo;
import org.bighummingbird.store.JudgeVersion;

/**
 * The one mapping between dataset and judge versions and their JSON documents: what {@code bhb
 * datasets [show TAG] --json} and {@code bhb judges [show TAG] --json} print and what the server
 * answers, beside {@link ViewJson}'s models and runs (same mapper, same instants). The {@code …From}
 * methods read the documents back. Stateless and thread-safe.
 */
public final class CatalogJson {
    private CatalogJson() {}

    /** A dataset version's header: {@code tag, name, version, rowCount, description, contentKey, createdAt}. */
    public static ObjectNode dataset(DatasetVersionInfo v) {
        ObjectNode node = ViewJson.mapper().createObjectNode();
        node.put("tag", v.tag().toString());
        node.put("name", v.tag().name());
        node.put("version", v.tag().version());
        node.put("rowCount", v.rowCount());
        node.put("description", v.description());
        node.put("contentKey", v.contentKey());
        node.put("createdAt", ViewJson.isoInstant(v.createdAtMicros()));
        return node;
    }

    /** One row: {@code index, input, expected}; {@code expected} is left out for a row without one. */
    public static ObjectNode datasetRow(DatasetRowView row) {
        ObjectNode node = ViewJson.mapper().createObjectNode();
        node.put("index", row.index());
        node.set("input", ViewJson.parseStored(row.inputJson()));
        if (row.expectedJson() != null) {
            node.set("expected", ViewJson.parseStored(row.expectedJson()));
        }
        return node;
    }

    /** The listing fields of a judge version: {@code tag, name, version, kind, description, key, spec, createdAt}. */
    public static ObjectNode judge(JudgeVersion j) {
        ObjectNode node = ViewJson.mapper().createObjectNode();
        node.put("tag", j.tag().toString());
        node.put("name", j.tag().name());
        node.put("version", j.tag().version());
        node.put("kind", j.kind());
        node.put("description", j.description());
        node.put("key", j.key());
        node.set("spec", ViewJson.parseStored(j.specJson()));
        node.put("createdAt", ViewJson.isoInstant(j.createdAtMicros()));
        return node;
    }

    /** A judge version in full: the listing fields, then {@code code, metadata}. */
    public static ObjectNode judgeDetail(JudgeVersion j) {
        ObjectNode node = judge(j);
        node.put("code", j.code());
        node.set("metadata", ViewJson.parseStored(j.metadataJson()));
        return node;
    }

    /** Reads a {@link #dataset} document back. */
    public static DatasetVersionInfo datasetFrom(JsonNode node) {
        Documents.requireObject(node, "dataset version");
        return new DatasetVersionInfo(Tag.parse(Documents.text(node, "tag")), Documents.text(node, "contentKey"),
                Documents.text(node, "description"), Math.toIntExact(Documents.number(node, "rowCount")),
                ViewJson.parseInstant(Documents.text(node, "createdAt")));
    }

    /**
     * Reads a {@link #datasetRow} document back, values as canonical JSON (as the store holds them); a
     * present {@code expected} of JSON null is {@code "null"}, an absent one null.
     */
    public static DatasetRowView datasetRowFrom(JsonNode node) {
        Documents.requireObject(node, "dataset row");
        JsonNode input = node.get("input");
        if (input == null) {
            throw new IllegalArgumentException("a dataset row needs an input");
        }
        JsonNode expected = node.get("expected");
        return new DatasetRowView(Math.toIntExact(Documents.number(node, "index")), canonical(input),
                expected == null ? null : canonical(expected));
    }

    // Rows are stored canonical; the same text comes back whatever the document's number spelling.
    private static String canonical(JsonNode value) {
        try {
            return CanonicalJson.write(value);
        } catch (InvalidJson e) {
            return ViewJson.compact(value);
        }
    }

    /**
     * Reads a {@link #judge} or {@link #judgeDetail} document back. The store id is not part of the
     * documents: it is null. A listing document has no code ({@code ""}) and no metadata (null).
     */
    public static JudgeVersion judgeFrom(JsonNode node) {
        Documents.requireObject(node, "judge version");
        String code = node.has("code") ? Documents.text(node, "code") : "";
        return new JudgeVersion(null, Tag.parse(Documents.text(node, "tag")), Documents.text(node, "key"),
                Documents.text(node, "kind"), Documents.text(node, "description"),
                ViewJson.storedForm(node.get("spec")), code, ViewJson.storedForm(node.get("metadata")),
                ViewJson.parseInstant(Documents.text(node, "createdAt")));
    }
}
