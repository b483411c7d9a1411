package org.bighummingbird.sdk.internal.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.bighummingbird.sdk.internal.export.Json;
import org.bighummingbird.sdk.internal.judge.Score;
import org.bighummingbird.sdk.internal.judge.Scorer;
import org.bighummingbird.sdk.internal.trace.ModelHandle;
import org.bighummingbird.sdk.spi.catalog.DatasetRowView;
import org.bighummingbird.sdk.spi.catalog.EvaluationRowView;

/**
 * Evaluates one dataset row: calls the model (its call is recorded as a run like any other), times
 * it, scores the output. Never throws for a row: a model that throws, an input that does not fit it,
 * a judge that fails, all make an error row. Thread-safe.
 */
final class RowEvaluator {
    private final ModelCall model;
    private final Scorer scorer;

    RowEvaluator(ModelCall model, Scorer scorer) {
        this.model = model;
        this.scorer = scorer;
    }

    EvaluationRowView evaluate(DatasetRowView row) {
        Object input;
        Object expected;
        try {
            input = Json.read(row.inputJson(), Object.class);
            expected = row.expectedJson() == null ? null : Json.read(row.expectedJson(), Object.class);
        } catch (JsonProcessingException e) {
            return new EvaluationRowView(row.index(), row.inputJson(), null, null, null, 0,
                    "the stored row is not JSON: " + e.getOriginalMessage(), null);
        }
        ModelHandle.takeLastRunId();
        long start = System.nanoTime();
        Object output = null;
        Throwable thrown = null;
        try {
            output = model.call(input);
        } catch (Throwable t) {
            thrown = t;
        }
        long latency = System.nanoTime() - start;
        UUID run = ModelHandle.takeLastRunId();
        String runId = run == null ? null : run.toString();
        if (thrown != null) {
            if (thrown instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new EvaluationRowView(row.index(), row.inputJson(), null, null, null, latency,
                    "the model threw " + describe(thrown), runId);
        }
        Score score = scorer.score(input, output, expected);
        String outputJson = json(output);
        if (score.isError()) {
            return new EvaluationRowView(row.index(), row.inputJson(), outputJson, null, null, latency,
                    "the judge failed: " + score.error(), runId);
        }
        return new EvaluationRowView(row.index(), row.inputJson(), outputJson, score.score(), score.passed(), latency,
                null, runId);
    }

    private static String describe(Throwable t) {
        String message;
        try {
            message = t.getMessage();
        } catch (RuntimeException e) {
            message = null;
        }
        return t.getClass().getName() + (message == null ? "" : ": " + message);
    }

    /** The output as JSON; a value Jackson cannot write as its type and {@code toString()}. */
    static String json(Object output) {
        try {
            return Json.WRITER.writeValueAsString(output);
        } catch (JsonProcessingException | RuntimeException | StackOverflowError e) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("$type", output.getClass().getName());
            String text;
            try {
                text = String.valueOf(output);
            } catch (RuntimeException ex) {
                text = "<toString() threw " + ex.getClass().getName() + ">";
            }
            node.put("$toString", text);
            return node.toString();
        }
    }
}
