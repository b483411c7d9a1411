package org.bighummingbird.exporter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.bighummingbird.core.CanonicalJson;
import org.bighummingbird.core.InvalidJson;
import org.bighummingbird.core.Tag;
import org.bighummingbird.sdk.spi.catalog.DatasetRowView;
import org.bighummingbird.sdk.spi.catalog.DatasetVersionInfo;
import org.bighummingbird.sdk.spi.catalog.EvaluationComparison;
import org.bighummingbird.sdk.spi.catalog.EvaluationComparison.RowDelta;
import org.bighummingbird.sdk.spi.catalog.EvaluationInfo;
import org.bighummingbird.sdk.spi.catalog.EvaluationRowView;
import org.bighummingbird.sdk.spi.catalog.JudgeVersion;

/**
 * Reads the server's dataset, judge and evaluation documents (REST API v1, docs/api.md) into the
 * SDK's catalog values. The server writes them with the store's JSON views; this is their reading
 * side on the SDK's class path, which holds no store. A document that does not have the documented
 * shape is an {@link IllegalArgumentException} naming the field. Stateless and thread-safe.
 */
final class CatalogDocuments {
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private CatalogDocuments() {}

    /** A dataset version's listing document. */
    static DatasetVersionInfo dataset(JsonNode node) {
        requireObject(node, "dataset version");
        return new DatasetVersionInfo(Tag.parse(text(node, "tag")), text(node, "contentKey"), text(node, "description"),
                Math.toIntExact(number(node, "rowCount")), instant(text(node, "createdAt")));
    }

    /** One row of a dataset version; input and expected value as canonical JSON. */
    static DatasetRowView datasetRow(JsonNode node) {
        requireObject(node, "dataset row");
        JsonNode input = node.get("input");
        if (input == null) {
            throw new IllegalArgumentException("a dataset row needs an input");
        }
        JsonNode expected = node.get("expected");
        return new DatasetRowView(Math.toIntExact(number(node, "index")), canonical(input),
                expected == null ? null : canonical(expected));
    }

    /** A judge version's detail document. */
    static JudgeVersion judge(JsonNode node) {
        requireObject(node, "judge version");
        String code = node.has("code") ? text(node, "code") : "";
        return new JudgeVersion(null, Tag.parse(text(node, "tag")), text(node, "key"), text(node, "kind"),
                text(node, "description"), storedForm(node.get("spec")), code, storedForm(node.get("metadata")),
                instant(text(node, "createdAt")));
    }

    /** An evaluation document. */
    static EvaluationInfo evaluation(JsonNode node) {
        requireObject(node, "evaluation");
        String finished = optionalText(node, "finishedAt");
        String heartbeat = optionalText(node, "heartbeatAt");
        return new EvaluationInfo(text(node, "id"), Tag.parse(text(node, "modelTag")),
                Tag.parse(text(node, "datasetTag")), Tag.parse(text(node, "judgeTag")), text(node, "status"),
                optionalText(node, "failure"), Math.toIntExact(number(node, "parallelism")),
                optionalInt(node, "rows"), optionalInt(node, "passed"), optionalInt(node, "failed"),
                optionalInt(node, "errors"), optionalDouble(node, "meanScore"), optionalDouble(node, "minScore"),
                optionalDouble(node, "maxScore"), optionalLong(node, "latencyP50Ns"),
                optionalLong(node, "latencyP95Ns"), instant(text(node, "createdAt")),
                finished == null ? null : instant(finished), heartbeat == null ? null : instant(heartbeat));
    }

    /** One row of an evaluation. */
    static EvaluationRowView evaluationRow(JsonNode node) {
        requireObject(node, "evaluation row");
        JsonNode input = node.get("input");
        if (input == null) {
            throw new IllegalArgumentException("an evaluation row needs an input");
        }
        JsonNode output = node.get("output");
        return new EvaluationRowView(Math.toIntExact(number(node, "index")), storedForm(input),
                output == null || output.isNull() ? null : storedForm(output), optionalDouble(node, "score"),
                optionalBoolean(node, "passed"), number(node, "latencyNs"), optionalText(node, "error"),
                optionalText(node, "runId"));
    }

    /** A comparison document: both evaluations, the per-row changes, regressions and improvements. */
    static EvaluationComparison comparison(JsonNode node) {
        requireObject(node, "evaluation comparison");
        List<RowDelta> rows = new ArrayList<>();
        for (JsonNode row : node.path("rows")) {
            int index = Math.toIntExact(number(row, "index"));
            rows.add(new RowDelta(index, side(row, index, "A"), side(row, index, "B"), text(row, "change")));
        }
        return new EvaluationComparison(evaluation(node.get("a")), evaluation(node.get("b")), rows,
                integers(node.path("regressions")), integers(node.path("improvements")));
    }

    // A row one side lacks has neither a score nor an error nor a verdict in the document.
    private static EvaluationRowView side(JsonNode row, int index, String side) {
        Double score = optionalDouble(row, "score" + side);
        Boolean passed = optionalBoolean(row, "passed" + side);
        String error = optionalText(row, "error" + side);
        if (score == null && passed == null && error == null) {
            return null;
        }
        return new EvaluationRowView(index, null, null, score, passed, 0, error, null);
    }

    // Rows are stored canonical; the same text comes back whatever the document's number spelling.
    private static String canonical(JsonNode value) {
        try {
            return CanonicalJson.write(value);
        } catch (InvalidJson e) {
            return compact(value);
        }
    }

    private static String storedForm(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? null : compact(value);
    }

    private static String compact(JsonNode value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getNodeType() + " as JSON", e);
        }
    }

    private static long instant(String iso) {
        try {
            Instant instant = Instant.parse(iso);
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
        } catch (DateTimeParseException | ArithmeticException | NullPointerException e) {
            throw new IllegalArgumentException("expected an ISO-8601 instant such as 2026-01-02T03:04:05.123456Z, got "
                    + (iso == null ? "null" : "\"" + iso + "\""), e);
        }
    }

    private static void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object, got " + node);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field " + field + " must be a string, got " + value);
        }
        return value.textValue();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : text(node, field);
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("field " + field + " must be an integer, got " + value);
        }
        return value.longValue();
    }

    private static List<Integer> integers(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.intValue()));
        return out;
    }

    private static Integer optionalInt(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : Math.toIntExact(number(node, field));
    }

    private static Long optionalLong(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : number(node, field);
    }

    private static Double optionalDouble(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException("field " + field + " must be a number, got " + v);
        }
        return v.doubleValue();
    }

    private static Boolean optionalBoolean(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("field " + field + " must be true or false, got " + v);
        }
        return v.booleanValue();
    }
}
