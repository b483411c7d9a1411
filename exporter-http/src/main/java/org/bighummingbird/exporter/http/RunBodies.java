package org.bighummingbird.exporter.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.bighummingbird.core.RunAssessment;
import org.bighummingbird.core.RunRecord;

/**
 * Splits runs into {@code {"runs":[…]}} request bodies the server takes: at most {@link #MAX_RUNS}
 * runs and about {@link #MAX_BYTES} of JSON each, well inside its 10,000 runs and 8 MiB. A run
 * larger than that travels alone; the server refuses it (413) if it is over its own limit.
 */
final class RunBodies {
    static final int MAX_RUNS = 5_000;
    static final int MAX_BYTES = 4 * 1024 * 1024;

    private RunBodies() {}

    static List<BodyPacker.Body> split(ObjectMapper mapper, List<RunRecord> runs) throws IOException {
        return split(mapper, runs, MAX_RUNS, MAX_BYTES);
    }

    static List<BodyPacker.Body> split(ObjectMapper mapper, List<RunRecord> runs, int maxRuns, int maxBytes)
            throws IOException {
        BodyPacker bodies = new BodyPacker("runs", maxRuns, maxBytes);
        ByteArrayOutputStream run = new ByteArrayOutputStream(512);
        try (JsonGenerator json = mapper.getFactory().createGenerator(run)) {
            json.setRootValueSeparator(null);
            for (RunRecord r : runs) {
                run.reset();
                write(json, storable(r));
                json.flush();
                bodies.add(run);
            }
        }
        return bodies.bodies();
    }

    /**
     * One run as the server's {@code RunBatch.Run} reads it: every field, null ones too, but the
     * assessment only when there is one, naming its judge by tag. Written field by field rather than
     * by Jackson's record serialiser: this is the SDK's busiest JSON, a run at a time.
     */
    private static void write(JsonGenerator json, RunRecord r) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", r.id());
        json.writeStringField("modelName", r.modelName());
        json.writeStringField("versionKey", r.versionKey());
        json.writeStringField("parentId", r.parentId());
        json.writeStringField("rootId", r.rootId());
        json.writeNumberField("startedAtMicros", r.startedAtMicros());
        json.writeNumberField("latencyNs", r.latencyNs());
        json.writeStringField("thread", r.thread());
        json.writeStringField("inputsJson", r.inputsJson());
        json.writeStringField("outputJson", r.outputJson());
        json.writeStringField("outputShapeJson", r.outputShapeJson());
        json.writeStringField("errorType", r.errorType());
        json.writeStringField("errorMessage", r.errorMessage());
        json.writeStringField("errorStack", r.errorStack());
        RunAssessment a = r.assessment();
        if (a != null) {
            json.writeObjectFieldStart("assessment");
            if (a.judgeVersionId() != null) {
                json.writeStringField("judgeVersionId", a.judgeVersionId());
            }
            if (a.judgeTag() != null) {
                json.writeStringField("judgeTag", a.judgeTag());
            }
            json.writeFieldName("score");
            if (a.score() == null) {
                json.writeNull();
            } else {
                json.writeNumber(a.score());
            }
            json.writeFieldName("passed");
            if (a.passed() == null) {
                json.writeNull();
            } else {
                json.writeBoolean(a.passed());
            }
            json.writeStringField("error", a.error());
            json.writeEndObject();
        }
        if (r.attributesJson() != null) {
            // a JSON object already (the SDK writes it); the server takes it nested, not as a string
            json.writeFieldName("attributes");
            json.writeRawValue(r.attributesJson());
        }
        json.writeEndObject();
    }

    /**
     * The run as the server takes it: its assessment naming the judge by tag (the server has its own
     * ids), its free text as {@link StorableText} makes it.
     */
    private static RunRecord storable(RunRecord r) {
        String thread = StorableText.of(r.thread());
        String type = StorableText.of(r.errorType());
        String message = StorableText.of(r.errorMessage());
        String stack = StorableText.of(r.errorStack());
        RunAssessment assessment = r.assessment() == null ? null : byTag(r.assessment());
        if (assessment == r.assessment() && thread == r.thread() && type == r.errorType() && message == r.errorMessage()
                && stack == r.errorStack()) {
            return r;
        }
        return new RunRecord(r.id(), r.modelName(), r.versionKey(), r.parentId(), r.rootId(), r.startedAtMicros(),
                r.latencyNs(), thread, r.inputsJson(), r.outputJson(), r.outputShapeJson(), type, message, stack, assessment,
                r.attributesJson());
    }

    private static RunAssessment byTag(RunAssessment a) {
        RunAssessment wire = a.byTag();
        String error = StorableText.of(wire.error());
        return error == wire.error() ? wire
                : new RunAssessment(null, wire.judgeTag(), wire.score(), wire.passed(), error);
    }
}
