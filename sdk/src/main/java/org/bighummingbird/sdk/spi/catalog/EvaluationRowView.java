package org.bighummingbird.sdk.spi.catalog;

/**
 * One row of an evaluation, as written and as read back.
 *
 * @param index the dataset row's index, from 0
 * @param inputJson the row's input as JSON
 * @param outputJson the model's output as JSON, or null when the model threw
 * @param score the judge's finite score, or null on an error row
 * @param passed the criterion's answer; null on an error row and for a judge without criterion
 * @param latencyNs the model call's wall time
 * @param error why this is an error row, or null
 * @param runId the id of the model's run, or null when none was recorded
 */
public record EvaluationRowView(
        int index, String inputJson, String outputJson, Double score, Boolean passed, long latencyNs, String error,
        String runId) {
    /** Whether the model or the judge failed on this row. */
    public boolean isError() {
        return error != null;
    }

    /** Whether the row counts as failed in a verdict: an error row, or a criterion that said no. */
    public boolean isFailure() {
        return error != null || Boolean.FALSE.equals(passed);
    }
}
