package org.bighummingbird.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.bighummingbird.core.CanonicalJson;
import org.bighummingbird.core.InvalidName;
import org.bighummingbird.core.InvalidTag;
import org.bighummingbird.core.RunAssessment;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.bighummingbird.server.problem.ApiProblem;
import org.bighummingbird.server.problem.ProblemType;

/**
 * The body of {@code POST …/runs}: {@code {"runs": [run, …]}}, each run the fields of {@link RunRecord},
 * its optional {@code assessment} naming the judge by tag ({@link Assessment}) and its optional
 * {@code attributes}, a JSON object stored in its canonical form.
 */
record RunBatch(List<Run> runs) {

    /** One run as sent. */
    record Run(String id, String modelName, String versionKey, String parentId, String rootId, Long startedAtMicros,
            Long latencyNs, String thread, String inputsJson, String outputJson, String outputShapeJson,
            String errorType, String errorMessage, String errorStack, Assessment assessment, JsonNode attributes) {

        /** The run checked; {@code checkedName} is a model name already found valid (the batch's previous run's), or null. */
        RunRecord validated(String at, String checkedName) {
            long latency = TimeRules.latency(at, Fields.required(at + "latencyNs", latencyNs), id);
            TimeRules.startedAt(at, Fields.required(at + "startedAtMicros", startedAtMicros), id);
            return new RunRecord(
                    Fields.id(at + "id", id, Columns.ID),
                    // a batch's runs mostly share a model: its name is checked once
                    modelName != null && modelName.equals(checkedName) ? modelName : Fields.name(at + "modelName", modelName),
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
                    Fields.optional(at + "errorStack", errorStack, Integer.MAX_VALUE),
                    assessment == null ? null : assessment.validated(at + "assessment."),
                    attributes(at + "attributes", attributes));
        }

        /** The attributes as canonical JSON text, null when absent or null; anything but an object is 400. */
        static String attributes(String at, JsonNode attributes) {
            if (attributes == null || attributes.isNull()) {
                return null;
            }
            if (!attributes.isObject()) {
                throw Fields.invalid(at + " must be a JSON object, got " + attributes.getNodeType().name().toLowerCase(
                        java.util.Locale.ROOT));
            }
            return attributes.isEmpty() ? null : CanonicalJson.write(attributes);
        }
    }

    /**
     * A judge's verdict on the run (assess mode): {@code {"judgeTag", "score", "passed", "error"}},
     * the judge named by a concrete tag; exactly one of score (finite) and error, passed only with a
     * score. Validated to a {@link RunAssessment} naming the judge by tag only: {@link RunIngest}
     * resolves the tag to the judge version's id.
     */
    record Assessment(String judgeTag, Double score, Boolean passed, String error) {
        RunAssessment validated(String at) {
            String text = Fields.required(at + "judgeTag", judgeTag, 512);
            Tag tag;
            try {
                tag = Tag.parse(text);
            } catch (InvalidTag | InvalidName e) {
                throw ApiProblem.of(ProblemType.INVALID_TAG, at + "judgeTag: " + e.getMessage());
            }
            String reason = Fields.optional(at + "error", error, Integer.MAX_VALUE);
            if ((score == null) == (reason == null)) {
                throw Fields.invalid(at.substring(0, at.length() - 1) + " needs exactly one of score and error");
            }
            if (score != null && !Double.isFinite(score)) {
                throw Fields.invalid(at + "score must be a finite number, got " + score);
            }
            if (passed != null && score == null) {
                throw Fields.invalid(at + "passed goes only with a score");
            }
            return new RunAssessment(null, tag.toString(), score, passed, reason);
        }
    }

    /** Every run checked, in order; the first bad one fails the whole batch. */
    List<RunRecord> validated() {
        if (runs == null) {
            throw Fields.invalid("runs is required");
        }
        List<RunRecord> records = new ArrayList<>(runs.size());
        String checkedName = null;
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            if (run == null) {
                throw Fields.invalid("runs[" + i + "] must be an object, got null");
            }
            RunRecord record = run.validated("runs[" + i + "].", checkedName);
            checkedName = record.modelName();
            records.add(record);
        }
        return records;
    }
}
