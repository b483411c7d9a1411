package org.bighummingbird.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bighummingbird.store.ModelVersionDetail.ShapeCount;
import org.bighummingbird.store.ModelVersionDetail;
import org.bighummingbird.store.ModelVersionInfo;
import org.bighummingbird.store.json.ViewJson;

/** The text form of {@code bhb models show}: a summary, then output shapes, metadata and code. */
final class VersionReport {
    private final ModelVersionDetail detail;

    VersionReport(ModelVersionDetail detail) {
        this.detail = detail;
    }

    void print(PrintWriter out) {
        ModelVersionInfo info = detail.info();
        out.println(info.tag());
        Table.headless(2)
                .row("  signature", signature(ViewJson.parseStored(info.signatureJson())))
                .row("  runs", Long.toString(detail.runCount()))
                .row("  created", ViewJson.isoInstant(info.createdAtMicros()))
                .row("  fingerprint", info.versionKey())
                .row("  code fingerprint", info.codeFingerprint())
                .print(out);

        out.println();
        out.println("Output shapes");
        if (detail.outputShapes().isEmpty()) {
            out.println("  (none: no run has returned yet)");
        }
        Table shapes = Table.headless(2);
        for (ShapeCount shape : detail.outputShapes()) {
            shapes.row("  " + shape.runs() + (shape.runs() == 1 ? " run" : " runs"), Text.cut(shape.shapeJson(), 200));
        }
        shapes.print(out);

        out.println();
        out.println("Metadata");
        Table metadata = Table.headless(2);
        flatten("", ViewJson.parseStored(detail.metadataJson()), metadata);
        metadata.print(out);

        out.println();
        out.println("Code (" + Text.oneLine(detail.codeKind()) + ")");
        for (String line : Text.multiLine(detail.code()).split("\n", -1)) {
            out.println(("  " + line).stripTrailing());
        }
        out.flush();
    }

    /** {@code (java.lang.Integer a, java.lang.Integer b) -> java.lang.Integer}, or the raw JSON. */
    static String signature(JsonNode signature) {
        JsonNode parameters = signature.path("parameters");
        JsonNode returns = signature.path("returns");
        if (!parameters.isArray() || !returns.isTextual()) {
            return JsonOutput.compact(signature);
        }
        List<String> params = new ArrayList<>();
        for (JsonNode p : parameters) {
            params.add((p.path("type").asText("?") + " " + p.path("name").asText("")).trim());
        }
        String text = "(" + String.join(", ", params) + ") -> " + returns.asText();
        return signature.path("erased").asBoolean(false) ? text + "  (erased: generics unknown)" : text;
    }

    // Metadata is open-ended (jvm, git, libraries, more later): show every leaf as key.path  value.
    private static void flatten(String prefix, JsonNode node, Table table) {
        if (node.isObject() && !node.isEmpty()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), table);
            }
        } else {
            String value = node.isObject() ? "(none)" : node.isValueNode() ? node.asText() : JsonOutput.compact(node);
            table.row("  " + (prefix.isEmpty() ? "(metadata)" : prefix), Text.cut(value, 200));
        }
    }
}
