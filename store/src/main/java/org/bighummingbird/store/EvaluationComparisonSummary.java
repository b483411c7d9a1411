package org.bighummingbird.store;

/**
 * The counts of {@link EvaluationComparison} without its rows: what the dashboard's compare page
 * shows above the first page of rows, counted by one aggregate query instead of by reading every row.
 *
 * @param a the baseline
 * @param b the evaluation compared with it
 * @param regressions rows that did not fail in A and fail in B (criterion no, or error)
 * @param improvements rows that failed in A and do not in B
 * @param unchanged every other row index either holds, one side missing included
 */
public record EvaluationComparisonSummary(
        EvaluationInfo a, EvaluationInfo b, int regressions, int improvements, int unchanged) {

    /** {@code b.meanScore - a.meanScore}, null when either has no score. */
    public Double meanScoreDelta() {
        return a.meanScore() == null || b.meanScore() == null ? null : b.meanScore() - a.meanScore();
    }

    /** {@code b.latencyP50 - a.latencyP50} in nanoseconds, null when either has no rows. */
    public Long latencyP50DeltaNs() {
        return a.latencyP50Ns() == null || b.latencyP50Ns() == null ? null : b.latencyP50Ns() - a.latencyP50Ns();
    }

    /** B's pass rate minus A's (0 to 1 each), null when either has no rows. */
    public Double passRateDelta() {
        return rate(b) == null || rate(a) == null ? null : rate(b) - rate(a);
    }

    private static Double rate(EvaluationInfo e) {
        return e.rows() == null || e.rows() == 0 || e.passed() == null ? null : (double) e.passed() / e.rows();
    }
}
