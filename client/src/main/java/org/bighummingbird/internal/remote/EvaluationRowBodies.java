package org.bighummingbird.internal.remote;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.bighummingbird.store.EvaluationRowView;

/**
 * Evaluation rows as the bodies of {@code POST …/evaluations/{id}/rows}: as many rows per body as the
 * server takes ({@code maxRows}) and as fit in its body limit, so large inputs and outputs make more,
 * smaller requests rather than a refusal. A single row larger than the limit goes alone (and the
 * server refuses it with 413).
 */
final class EvaluationRowBodies {

    /** The longest error text or failure reason the server takes. */
    static final int MAX_TEXT = 1_000_000;

    private EvaluationRowBodies() {}

    static List<byte[]> split(ObjectMapper mapper, List<EvaluationRowView> rows, int maxRows, int maxBytes) {
        BodyPacker bodies = new BodyPacker("rows", maxRows, maxBytes);
        for (EvaluationRowView row : rows) {
            bodies.add(row(mapper, row));
        }
        return bodies.bodies().stream().map(BodyPacker.Body::json).toList();
    }

    /**
     * Error text or a failure reason as the server takes it: {@link StorableText#of}, cut to {@link
     * #MAX_TEXT} characters (an exception message that long must not fail the evaluation).
     */
    static String storable(String text) {
        if (text == null) {
            return null;
        }
        return StorableText.of(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text);
    }

    private static ByteArrayOutputStream row(ObjectMapper mapper, EvaluationRowView r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("index", r.index());
            json.writeStringField("inputJson", r.inputJson());
            json.writeStringField("outputJson", r.outputJson());
            if (r.score() == null) {
                json.writeNullField("score");
            } else {
                json.writeNumberField("score", r.score());
            }
            if (r.passed() == null) {
                json.writeNullField("passed");
            } else {
                json.writeBooleanField("passed", r.passed());
            }
            json.writeNumberField("latencyNs", r.latencyNs());
            json.writeStringField("error", storable(r.error()));
            json.writeStringField("runId", r.runId());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON into memory cannot fail", e);
        }
        return out;
    }
}
