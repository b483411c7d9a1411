package org.bighummingbird.store.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.bighummingbird.core.Tag;
import org.bighummingbird.store.EvaluationComparison;
import org.bighummingbird.store.EvaluationComparison.RowDelta;
import org.bighummingbird.store.EvaluationInfo;
import org.bighummingbird.store.EvaluationRowView;

/**
 * The one mapping between evaluations and their JSON documents: what {@code bhb evals [show ID |
 * compare A B] --json} prints and what the server answers, beside {@link CatalogJson} (same mapper,
 * same instants). The {@code …From} methods read the documents back. Stateless and thread-safe.
 */
public final class EvaluationJson {
    private EvaluationJson() {}

    /** An evaluation's header and summary, as {@code bhb evals --json} lists it. */
    public static ObjectNode evaluation(EvaluationInfo e) {
        ObjectNode node = ViewJson.mapper().createObjectNode();
        node.put("id", e.id());
        node.put("modelTag", e.modelTag().toString());
        node.put("datasetTag", e.datasetTag().toString());
        node.put("judgeTag", e.judgeTag().toString());
        node.put("status", e.status());
        node.put("failure", e.failure());
        node.put("parallelism", e.parallelism());
        node.put("rows", e.rows());
        node.put("passed", e.passed());
        node.put("failed", e.failed());
        node.put("errors", e.errors());
        node.put("meanScore", e.meanScore());
        node.put("minScore", e.minScore());
        node.put("maxScore", e.maxScore());
        node.put("latencyP50Ns", e.latencyP50Ns());
        node.put("latencyP95Ns", e.latencyP95Ns());
        node.put("createdAt", ViewJson.isoInstant(e.createdAtMicros()));
        if (e.finishedAtMicros() == null) {
            node.putNull("finishedAt");
        } else {
            node.put("finishedAt", ViewJson.isoInstant(e.finishedAtMicros()));
        }
        if (e.heartbeatAtMicros() == null) {
            node.putNull("heartbeatAt");
        } else {
            node.put("heartbeatAt", ViewJson.isoInstant(e.heartbeatAtMicros()));
        }
        return node;
    }

    /** One row: {@code index, input, output, score, passed, latencyNs, error, runId}. */
    public static ObjectNode row(EvaluationRowView r) {
        ObjectNode node = ViewJson.mapper().createObjectNode();
        node.put("index", r.index());
        node.set("input", ViewJson.parseStored(r.inputJson()));
        if (r.outputJson() == null) {
            node.putNull("output");
        } else {
            node.set("output", ViewJson.parseStored(r.outputJson()));
        }
        node.put("score", r.score());
        node.put("passed", r.passed());
        node.put("latencyNs", r.latencyNs());
        node.put("error", r.error());
        node.put("runId", r.runId());
        return node;
    }

    /**
     * Two evaluations lined up, as {@code bhb evals compare A B --json}: {@code a}, {@code b}, {@code
     * deltas}, {@code regressions}, {@code improvements} and per row its scores, verdicts, errors and
     * change.
     */
    public static ObjectNode comparison(EvaluationComparison c) {
        ObjectNode node = ViewJson.mapper().createObjectNode();
        node.set("a", evaluation(c.a()));
        node.set("b", evaluation(c.b()));
        ObjectNode deltas = node.putObject("deltas");
        deltas.put("passed", c.passedDelta());
        deltas.put("failed", c.failedDelta());
        deltas.put("errors", c.errorsDelta());
        deltas.put("meanScore", c.meanScoreDelta());
        deltas.put("latencyP50Ns", c.latencyP50DeltaNs());
        deltas.put("latencyP95Ns", c.latencyP95DeltaNs());
        ArrayNode regressions = node.putArray("regressions");
        c.regressions().forEach(regressions::add);
        ArrayNode improvements = node.putArray("improvements");
        c.improvements().forEach(improvements::add);
        ArrayNode rows = node.putArray("rows");
        for (RowDelta r : c.rows()) {
            ObjectNode row = rows.addObject();
            row.put("index", r.index());
            row.put("scoreA", r.a() == null ? null : r.a().score());
            row.put("scoreB", r.b() == null ? null : r.b().score());
            row.put("scoreDelta", r.scoreDelta());
            row.put("passedA", r.a() == null ? null : r.a().passed());
            row.put("passedB", r.b() == null ? null : r.b().passed());
            row.put("errorA", r.a() == null ? null : r.a().error());
            row.put("errorB", r.b() == null ? null : r.b().error());
            row.put("change", r.change());
        }
        return node;
    }

    /** Reads an {@link #evaluation} document back. */
    public static EvaluationInfo evaluationFrom(JsonNode node) {
        Documents.requireObject(node, "evaluation");
        String finished = Documents.optionalText(node, "finishedAt");
        String heartbeat = Documents.optionalText(node, "heartbeatAt");
        return new EvaluationInfo(Documents.text(node, "id"), Tag.parse(Documents.text(node, "modelTag")),
                Tag.parse(Documents.text(node, "datasetTag")), Tag.parse(Documents.text(node, "judgeTag")),
                Documents.text(node, "status"), Documents.optionalText(node, "failure"),
                Math.toIntExact(Documents.number(node, "parallelism")), optionalInt(node, "rows"),
                optionalInt(node, "passed"), optionalInt(node, "failed"), optionalInt(node, "errors"),
                optionalDouble(node, "meanScore"), optionalDouble(node, "minScore"), optionalDouble(node, "maxScore"),
                optionalLong(node, "latencyP50Ns"), optionalLong(node, "latencyP95Ns"),
                ViewJson.parseInstant(Documents.text(node, "createdAt")),
                finished == null ? null : ViewJson.parseInstant(finished),
                heartbeat == null ? null : ViewJson.parseInstant(heartbeat));
    }

    /** Reads a {@link #row} document back, values in their stored (compact) form. */
    public static EvaluationRowView rowFrom(JsonNode node) {
        Documents.requireObject(node, "evaluation row");
        JsonNode input = node.get("input");
        if (input == null) {
            throw new IllegalArgumentException("an evaluation row needs an input");
        }
        JsonNode output = node.get("output");
        return new EvaluationRowView(Math.toIntExact(Documents.number(node, "index")), ViewJson.storedForm(input),
                output == null || output.isNull() ? null : ViewJson.storedForm(output), optionalDouble(node, "score"),
                optionalBoolean(node, "passed"), Documents.number(node, "latencyNs"),
                Documents.optionalText(node, "error"), Documents.optionalText(node, "runId"));
    }

    /**
     * Reads a {@link #comparison} document back. The document carries each row's score, verdict and
     * error, not its input, output, latency or run: those fields of the rows are null (latency 0).
     */
    public static EvaluationComparison comparisonFrom(JsonNode node) {
        Documents.requireObject(node, "evaluation comparison");
        List<RowDelta> rows = new ArrayList<>();
        for (JsonNode row : node.path("rows")) {
            int index = Math.toIntExact(Documents.number(row, "index"));
            rows.add(new RowDelta(index, side(row, index, "A"), side(row, index, "B"), Documents.text(row, "change")));
        }
        return new EvaluationComparison(evaluationFrom(node.get("a")), evaluationFrom(node.get("b")), rows,
                integers(node.path("regressions")), integers(node.path("improvements")));
    }

    // A row one side lacks has neither a score nor an error nor a verdict in the document.
    private static EvaluationRowView side(JsonNode row, int index, String side) {
        Double score = optionalDouble(row, "score" + side);
        Boolean passed = optionalBoolean(row, "passed" + side);
        String error = Documents.optionalText(row, "error" + side);
        if (score == null && passed == null && error == null) {
            return null;
        }
        return new EvaluationRowView(index, null, null, score, passed, 0, error, null);
    }

    private static List<Integer> integers(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.intValue()));
        return out;
    }

    private static Integer optionalInt(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : Math.toIntExact(Documents.number(node, field));
    }

    private static Long optionalLong(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : Documents.number(node, field);
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
