package org.bighummingbird.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One run as it travels from the exporter to a store, the spool or the server: every value already
 * serialised. The version is named by its identity key, so a run can be written before its
 * version's number is known.
 *
 * @param id UUIDv7 string, the idempotency key
 * @param modelName the model's name
 * @param versionKey the version's identity key
 * @param parentId id of the traced call this one ran inside, or null
 * @param rootId id of the outermost traced call of the tree, or null for a root run
 * @param startedAtMicros start time, microseconds since the epoch
 * @param latencyNs wall time of the call in nanoseconds
 * @param thread name of the calling thread
 * @param inputsJson JSON object of the inputs by parameter name
 * @param outputJson JSON of the output, or null when the call threw
 * @param outputShapeJson JSON of the output's runtime shape, or null when the call threw
 * @param errorType class name of the exception the call threw, or null
 * @param errorMessage its message, or null
 * @param errorStack its stack trace, or null
 * @param assessment the judge's verdict when the model is traced in assess mode, else null (and then
 *     left out of the JSON, so that runs travel to a server as before)
 * @param attributesJson a JSON object of attributes of the run (token counts, cost, free-form), or null
 *     for none (and then left out of the JSON)
 */
public record RunRecord(
        String id,
        String modelName,
        String versionKey,
        String parentId,
        String rootId,
        long startedAtMicros,
        long latencyNs,
        String thread,
        String inputsJson,
        String outputJson,
        String outputShapeJson,
        String errorType,
        String errorMessage,
        String errorStack,
        @JsonInclude(JsonInclude.Include.NON_NULL) RunAssessment assessment,
        @JsonInclude(JsonInclude.Include.NON_NULL) String attributesJson) {
    public RunRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(versionKey, "versionKey");
        Objects.requireNonNull(inputsJson, "inputsJson");
    }

    /** A run without attributes. */
    public RunRecord(String id, String modelName, String versionKey, String parentId, String rootId,
            long startedAtMicros, long latencyNs, String thread, String inputsJson, String outputJson,
            String outputShapeJson, String errorType, String errorMessage, String errorStack,
            RunAssessment assessment) {
        this(id, modelName, versionKey, parentId, rootId, startedAtMicros, latencyNs, thread, inputsJson, outputJson,
                outputShapeJson, errorType, errorMessage, errorStack, assessment, null);
    }

    /** A run of a model that is not assessed. */
    public RunRecord(String id, String modelName, String versionKey, String parentId, String rootId,
            long startedAtMicros, long latencyNs, String thread, String inputsJson, String outputJson,
            String outputShapeJson, String errorType, String errorMessage, String errorStack) {
        this(id, modelName, versionKey, parentId, rootId, startedAtMicros, latencyNs, thread, inputsJson, outputJson,
                outputShapeJson, errorType, errorMessage, errorStack, null, null);
    }

    /** This run with {@code verdict} as its assessment. */
    public RunRecord withAssessment(RunAssessment verdict) {
        return new RunRecord(id, modelName, versionKey, parentId, rootId, startedAtMicros, latencyNs, thread,
                inputsJson, outputJson, outputShapeJson, errorType, errorMessage, errorStack, verdict, attributesJson);
    }

    /** This run with {@code attributes} (a JSON object, or null for none). */
    public RunRecord withAttributes(String attributes) {
        return new RunRecord(id, modelName, versionKey, parentId, rootId, startedAtMicros, latencyNs, thread,
                inputsJson, outputJson, outputShapeJson, errorType, errorMessage, errorStack, assessment, attributes);
    }
}
