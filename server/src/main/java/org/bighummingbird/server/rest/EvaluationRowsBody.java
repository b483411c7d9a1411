package org.bighummingbird.server.rest;

import java.util.ArrayList;
import java.util.List;
import org.bighummingbird.store.EvaluationRowView;

/**
 * The body of {@code POST …/evaluations/{id}/rows}: {@code {"rows": [{"index", "inputJson",
 * "outputJson", "score", "passed", "latencyNs", "error", "runId"}, …]}}, the values as strings
 * holding JSON (as a run's are). A row with an {@code error} is an error row: no score, no verdict.
 */
record EvaluationRowsBody(List<Row> rows) {
    /** The longest error text and run id kept. */
    static final int MAX_ERROR = 1_000_000;
    static final int MAX_RUN_ID = 64;

    /** One finished row as sent. */
    record Row(Integer index, String inputJson, String outputJson, Double score, Boolean passed, Long latencyNs,
            String error, String runId) {
        EvaluationRowView validated(String at) {
            if (index == null) {
                throw Fields.invalid(at + "index is required");
            }
            if (index < 0) {
                throw Fields.invalid(at + "index must not be negative, got " + index);
            }
            String input = Fields.json(at + "inputJson", inputJson);
            String output = Fields.optionalJson(at + "outputJson", outputJson);
            long latency = TimeRules.latency(at, Fields.required(at + "latencyNs", latencyNs), null);
            String checkedError = Fields.optional(at + "error", error, MAX_ERROR);
            String run = Fields.optionalId(at + "runId", runId, MAX_RUN_ID);
            if (score != null && !Double.isFinite(score)) {
                throw Fields.invalid(at + "score must be a finite number, got " + score);
            }
            if (checkedError == null && score == null) {
                throw Fields.invalid(at + "score is required on a row without error");
            }
            if (checkedError != null && (score != null || passed != null)) {
                throw Fields.invalid(at + "an error row has neither score nor passed");
            }
            return new EvaluationRowView(index, input, output, score, passed, latency, checkedError, run);
        }
    }

    /** The rows, each checked; the row count against {@code maxRows} is checked before. */
    List<EvaluationRowView> validated() {
        if (rows == null) {
            throw Fields.invalid("rows is required");
        }
        List<EvaluationRowView> checked = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row == null) {
                throw Fields.invalid("rows[" + i + "] must be an object, got null");
            }
            checked.add(row.validated("rows[" + i + "]."));
        }
        return checked;
    }
}
