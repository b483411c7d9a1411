package org.bighummingbird.sdk.spi.catalog;

import java.util.List;

/**
 * Two complete evaluations on one dataset version, lined up row by row: B against A (deltas are
 * B − A).
 *
 * @param a the baseline
 * @param b the evaluation compared with it
 * @param rows every row index either holds, in order
 * @param regressions indexes of rows that did not fail in A and fail in B (criterion no, or error)
 * @param improvements indexes of rows that failed in A and do not in B
 */
public record EvaluationComparison(
        EvaluationInfo a, EvaluationInfo b, List<RowDelta> rows, List<Integer> regressions,
        List<Integer> improvements) {

    /** {@code b.passed - a.passed}. */
    public int passedDelta() {
        return b.passed() - a.passed();
    }

    /** {@code b.failed - a.failed}. */
    public int failedDelta() {
        return b.failed() - a.failed();
    }

    /** {@code b.errors - a.errors}. */
    public int errorsDelta() {
        return b.errors() - a.errors();
    }

    /** {@code b.meanScore - a.meanScore}, null when either has no score. */
    public Double meanScoreDelta() {
        return a.meanScore() == null || b.meanScore() == null ? null : b.meanScore() - a.meanScore();
    }

    /** {@code b.latencyP50 - a.latencyP50} in nanoseconds, null when either has no rows. */
    public Long latencyP50DeltaNs() {
        return a.latencyP50Ns() == null || b.latencyP50Ns() == null ? null : b.latencyP50Ns() - a.latencyP50Ns();
    }

    /** {@code b.latencyP95 - a.latencyP95} in nanoseconds, null when either has no rows. */
    public Long latencyP95DeltaNs() {
        return a.latencyP95Ns() == null || b.latencyP95Ns() == null ? null : b.latencyP95Ns() - a.latencyP95Ns();
    }

    /**
     * One row in both evaluations.
     *
     * @param index the dataset row's index
     * @param a the row in A, or null when A has none
     * @param b the row in B, or null when B has none
     * @param change {@code regression}, {@code improvement} or {@code same}
     */
    public record RowDelta(int index, EvaluationRowView a, EvaluationRowView b, String change) {
        public static final String REGRESSION = "regression";
        public static final String IMPROVEMENT = "improvement";
        public static final String SAME = "same";

        /** B's score minus A's, null when either is an error row or missing. */
        public Double scoreDelta() {
            return a == null || b == null || a.score() == null || b.score() == null ? null : b.score() - a.score();
        }
    }
}
