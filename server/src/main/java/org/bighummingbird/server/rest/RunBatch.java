package org.bighummingbird.server.rest;

import java.util.ArrayList;
import java.util.List;
import org.bighummingbird.core.RunRecord;

/** The body of {@code POST …/runs}: {@code {"runs": [run, …]}}, each run the fields of {@link RunRecord}. */
record RunBatch(List<Run> runs) {

    /** One run as sent. */
    record Run(String id, String modelName, String versionKey, String parentId, String rootId, Long startedAtMicros,
            Long latencyNs, String thread, String inputsJson, String outputJson, String outputShapeJson,
            String errorType, String errorMessage, String errorStack) {

        RunRecord validated(String at) {
            long latency = Fields.required(at + "latencyNs", latencyNs);
            if (latency < 0) {
                throw Fields.invalid(at + "latencyNs must not be negative, got " + latency);
            }
            return new RunRecord(
                    Fields.id(at + "id", id, Columns.ID),
                    Fields.name(at + "modelName", modelName),
                    Fields.id(at + "versionKey", versionKey, Columns.KEY),
                    Fields.optionalId(at + "parentId", parentId, Columns.ID),
                    Fields.optionalId(at + "rootId", rootId, Columns.ID),
                    Fields.required(at + "startedAtMicros", startedAtMicros),
                    latency,
                    Fields.required(at + "thread", thread, Integer.MAX_VALUE),
                    Fields.json(at + "inputsJson", inputsJson),
                    Fields.optionalJson(at + "outputJson", outputJson),
                    Fields.optionalJson(at + "outputShapeJson", outputShapeJson),
                    Fields.optional(at + "errorType", errorType, Integer.MAX_VALUE),
                    Fields.optional(at + "errorMessage", errorMessage, Integer.MAX_VALUE),
                    Fields.optional(at + "errorStack", errorStack, Integer.MAX_VALUE));
        }
    }

    /** Every run checked, in order; the first bad one fails the whole batch. */
    List<RunRecord> validated() {
        if (runs == null) {
            throw Fields.invalid("runs is required");
        }
        List<RunRecord> records = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            if (run == null) {
                throw Fields.invalid("runs[" + i + "] must be an object, got null");
            }
            records.add(run.validated("runs[" + i + "]."));
        }
        return records;
    }
}
