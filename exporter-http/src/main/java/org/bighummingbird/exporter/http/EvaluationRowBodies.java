package org.bighummingbird.exporter.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.bighummingbird.sdk.spi.SinkRejected;
import org.bighummingbird.sdk.spi.catalog.EvaluationRowView;

/**
 * Evaluation rows as the bodies of {@code POST …/evaluations/{id}/rows}: as many rows per body as the
 * server takes ({@code maxRows}) and as fit in its body limit, so large inputs and outputs make more,
 * smaller requests rather than a refusal. A body refused as too large all the same (413: a proxy in
 * front of the server may take less) is split in halves and sent again ({@link #send}); a single
 * row refused alone stays refused.
 */
final class EvaluationRowBodies {

    /** The longest error text or failure reason the server takes. */
    static final int MAX_TEXT = 1_000_000;

    private EvaluationRowBodies() {}

    static List<byte[]> split(ObjectMapper mapper, List<EvaluationRowView> rows, int maxRows, int maxBytes) {
        return pack(mapper, rows, maxRows, maxBytes).stream().map(BodyPacker.Body::json).toList();
    }

    /**
     * Posts the rows in the bodies {@link #split} makes, in order; a body {@code post} finds refused
     * as too large (a {@link SinkRejected} with 413) is split in halves, each posted the same way.
     *
     * @throws SinkRejected when {@code post} refuses a body for another reason, or a single row as too large
     */
    static void send(ObjectMapper mapper, List<EvaluationRowView> rows, int maxRows, int maxBytes,
            Consumer<byte[]> post) {
        int first = 0;
        for (BodyPacker.Body body : pack(mapper, rows, maxRows, maxBytes)) {
            sendSplitting(mapper, rows.subList(first, first + body.items()), body.json(), post);
            first += body.items();
        }
    }

    private static void sendSplitting(ObjectMapper mapper, List<EvaluationRowView> rows, byte[] body,
            Consumer<byte[]> post) {
        try {
            post.accept(body);
        } catch (SinkRejected e) {
            if (e.status() != 413 || rows.size() == 1) {
                throw e;
            }
            // nothing of a refused body was stored: its halves go as new requests
            int half = rows.size() / 2;
            for (List<EvaluationRowView> part : List.of(rows.subList(0, half), rows.subList(half, rows.size()))) {
                sendSplitting(mapper, part, pack(mapper, part, part.size(), Integer.MAX_VALUE).get(0).json(), post);
            }
        }
    }

    private static List<BodyPacker.Body> pack(ObjectMapper mapper, List<EvaluationRowView> rows, int maxRows,
            int maxBytes) {
        BodyPacker bodies = new BodyPacker("rows", maxRows, maxBytes);
        for (EvaluationRowView row : rows) {
            bodies.add(row(mapper, row));
        }
        return bodies.bodies();
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
