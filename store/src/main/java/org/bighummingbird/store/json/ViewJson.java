package org.bighummingbird.store.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.bighummingbird.core.Tag;
import org.bighummingbird.store.ModelVersionDetail.ShapeCount;
import org.bighummingbird.store.ModelVersionDetail;
import org.bighummingbird.store.ModelVersionInfo;
import org.bighummingbird.store.RunView;

/**
 * The one mapping between the store's views and their JSON documents: what {@code bhb models
 * --json}, {@code bhb models show TAG --json} and {@code bhb runs --json} print and what the server
 * answers. Stored JSON columns become JSON values (not strings holding JSON), times are ISO-8601
 * instants with microseconds, numbers keep their stored precision. The {@code …From} methods read
 * the documents back. Stateless and thread-safe.
 */
public final class ViewJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private ViewJson() {}

    /** The mapper these documents are read and written with (big decimals, no trailing tokens); do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The listing fields of a version: {@code tag, name, version, fingerprint, codeFingerprint, signature, createdAt}. */
    public static ObjectNode version(ModelVersionInfo v) {
        return version(v, null);
    }

    /** The listing fields, with {@code runs} before {@code createdAt} when a count is given. */
    private static ObjectNode version(ModelVersionInfo v, Long runCount) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("tag", v.tag().toString());
        node.put("name", v.tag().name());
        node.put("version", v.tag().version());
        node.put("fingerprint", v.versionKey());
        node.put("codeFingerprint", v.codeFingerprint());
        node.set("signature", parseStored(v.signatureJson()));
        if (runCount != null) {
            node.put("runs", runCount);
        }
        node.put("createdAt", isoInstant(v.createdAtMicros()));
        return node;
    }

    /**
     * A version with its run count, code, metadata and output shapes: the listing fields with {@code
     * runs} before {@code createdAt}, then {@code code, codeKind, metadata, outputShapes}.
     */
    public static ObjectNode versionDetail(ModelVersionDetail detail) {
        ObjectNode node = version(detail.info(), detail.runCount());
        node.put("code", detail.code());
        node.put("codeKind", detail.codeKind());
        node.set("metadata", parseStored(detail.metadataJson()));
        ArrayNode shapes = node.putArray("outputShapes");
        for (ShapeCount shape : detail.outputShapes()) {
            ObjectNode entry = shapes.addObject();
            entry.set("shape", parseStored(shape.shapeJson()));
            entry.put("runs", shape.runs());
        }
        return node;
    }

    /** A run: {@code id, modelTag, parentId, rootId, startedAt, latencyNs, thread, inputs, output, outputShape, error, score, passed, judgeTag, judgeError, attributes}. */
    public static ObjectNode run(RunView run) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", run.id());
        node.put("modelTag", run.modelTag().toString());
        node.put("parentId", run.parentId());
        node.put("rootId", run.rootId());
        node.put("startedAt", isoInstant(run.startedAtMicros()));
        node.put("latencyNs", run.latencyNs());
        node.put("thread", run.thread());
        node.set("inputs", parseStored(run.inputsJson()));
        node.set("output", parseStored(run.outputJson()));
        node.set("outputShape", parseStored(run.outputShapeJson()));
        if (run.errorType() == null) {
            node.putNull("error");
        } else {
            ObjectNode error = node.putObject("error");
            error.put("type", run.errorType());
            error.put("message", run.errorMessage());
            error.put("stack", run.errorStack());
        }
        node.put("score", run.score());
        node.put("passed", run.passed());
        node.put("judgeTag", run.judgeTag() == null ? null : run.judgeTag().toString());
        node.put("judgeError", run.judgeError());
        node.set("attributes", parseStored(run.attributesJson()));
        return node;
    }

    /** Reads a {@link #version} document back. */
    public static ModelVersionInfo versionFrom(JsonNode node) {
        Documents.requireObject(node, "version");
        return new ModelVersionInfo(Tag.parse(Documents.text(node, "tag")), Documents.text(node, "fingerprint"),
                Documents.text(node, "codeFingerprint"), storedForm(node.get("signature")),
                parseInstant(Documents.text(node, "createdAt")));
    }

    /** Reads a {@link #versionDetail} document back. */
    public static ModelVersionDetail versionDetailFrom(JsonNode node) {
        ModelVersionInfo info = versionFrom(node);
        List<ShapeCount> shapes = new ArrayList<>();
        JsonNode array = node.get("outputShapes");
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("version detail needs an outputShapes array");
        }
        for (JsonNode entry : array) {
            shapes.add(new ShapeCount(storedForm(entry.get("shape")), Documents.number(entry, "runs")));
        }
        return new ModelVersionDetail(info, Documents.number(node, "runs"), Documents.text(node, "code"), Documents.text(node, "codeKind"),
                storedForm(node.get("metadata")), shapes);
    }

    /** Reads a {@link #run} document back. */
    public static RunView runFrom(JsonNode node) {
        Documents.requireObject(node, "run");
        JsonNode error = node.get("error");
        boolean threw = error != null && error.isObject();
        JsonNode score = node.get("score");
        JsonNode passed = node.get("passed");
        JsonNode judgeTag = node.get("judgeTag");
        return new RunView(Documents.text(node, "id"), Tag.parse(Documents.text(node, "modelTag")),
                Documents.optionalText(node, "parentId"), Documents.optionalText(node, "rootId"),
                parseInstant(Documents.text(node, "startedAt")), Documents.number(node, "latencyNs"),
                Documents.text(node, "thread"), storedForm(node.get("inputs")), storedForm(node.get("output")),
                storedForm(node.get("outputShape")),
                threw ? Documents.optionalText(error, "type") : null,
                threw ? Documents.optionalText(error, "message") : null,
                threw ? Documents.optionalText(error, "stack") : null,
                score == null || score.isNull() ? null : score.doubleValue(),
                passed == null || passed.isNull() ? null : passed.booleanValue(),
                judgeTag == null || judgeTag.isNull() ? null : Tag.parse(judgeTag.textValue()),
                Documents.optionalText(node, "judgeError"), storedForm(node.get("attributes")));
    }

    /**
     * A stored JSON column as a value: SQL NULL is JSON null; text that is not one JSON value (a
     * damaged row) stays visible as a string rather than failing the whole listing.
     */
    public static JsonNode parseStored(String storedJson) {
        if (storedJson == null) {
            return NullNode.instance;
        }
        try {
            JsonNode node = MAPPER.readTree(storedJson);
            return node == null || node.isMissingNode() ? TextNode.valueOf(storedJson) : node;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(storedJson);
        }
    }

    /** The reverse of {@link #parseStored}: JSON null (or absent) is null, any other value its compact text. */
    public static String storedForm(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return compact(value);
    }

    /** Compact one-line JSON. */
    public static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The instant as ISO-8601 UTC with microseconds, as in {@code 2026-01-02T03:04:05.123456Z}. */
    public static String isoInstant(long epochMicros) {
        return Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS).toString();
    }

    /**
     * Microseconds since the epoch of an ISO-8601 instant; finer digits are cut.
     *
     * @throws IllegalArgumentException when {@code iso} is not an instant or is out of range
     */
    public static long parseInstant(String iso) {
        try {
            Instant instant = Instant.parse(iso);
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
        } catch (DateTimeParseException | ArithmeticException | NullPointerException e) {
            throw new IllegalArgumentException("expected an ISO-8601 instant such as 2026-01-02T03:04:05.123456Z, got "
                    + (iso == null ? "null" : "\"" + iso + "\""), e);
        }
    }
}
