package org.bighummingbird;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Two complete evaluations of one dataset version lined up row by row, from
 * {@link BigHummingbird#compare(String, String)}: B against A, so every delta is B − A. Immutable.
 *
 * @param a the baseline
 * @param b the evaluation compared with it
 * @param rows every row index either holds, in order
 * @param regressions indexes of rows that did not fail in A and fail in B (criterion no, or error)
 * @param improvements indexes of rows that failed in A and do not in B
 */
public record EvaluationComparison(Evaluation a, Evaluation b, List<RowChange> rows, List<Integer> regressions,
        List<Integer> improvements) {
    public EvaluationComparison {
        rows = List.copyOf(rows);
        regressions = List.copyOf(regressions);
        improvements = List.copyOf(improvements);
    }

    /** How a row changed from A to B. */
    public enum Change {
        /** It did not fail in A and fails in B. */
        REGRESSION,
        /** It failed in A and does not in B. */
        IMPROVEMENT,
        /** It fails in both or in neither (its score may still differ). */
        SAME
    }

    /**
     * One row in both evaluations.
     *
     * @param index the dataset row's index
     * @param a the row in A, or null when A has none
     * @param b the row in B, or null when B has none
     * @param change how it changed
     */
    public record RowChange(int index, Evaluation.Row a, Evaluation.Row b, Change change) {
        /** B's score minus A's; empty when either is an error row or missing. */
        public Optional<Double> scoreDelta() {
            return a == null || b == null || a.score() == null || b.score() == null ? Optional.empty()
                    : Optional.of(b.score() - a.score());
        }
    }

    /** Passed rows in B minus in A. */
    public int passedDelta() {
        return b.summary().passed() - a.summary().passed();
    }

    /** Failed rows (criterion no) in B minus in A. */
    public int failedDelta() {
        return b.summary().failed() - a.summary().failed();
    }

    /** Error rows in B minus in A. */
    public int errorsDelta() {
        return b.summary().errors() - a.summary().errors();
    }

    /** B's mean score minus A's; empty when either has no score. */
    public Optional<Double> meanScoreDelta() {
        Optional<Double> x = a.summary().meanScore();
        Optional<Double> y = b.summary().meanScore();
        return x.isPresent() && y.isPresent() ? Optional.of(y.get() - x.get()) : Optional.empty();
    }

    /** B's median latency minus A's. */
    public Duration latencyP50Delta() {
        return b.summary().latencyP50().minus(a.summary().latencyP50());
    }

    /** B's 95th percentile latency minus A's. */
    public Duration latencyP95Delta() {
        return b.summary().latencyP95().minus(a.summary().latencyP95());
    }
}
