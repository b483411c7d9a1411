package org.bighummingbird.store;

import java.util.List;

/**
 * One page of two evaluations' rows lined up by index, as {@link EvaluationComparison#rows()} holds
 * them all.
 *
 * @param rows the page's rows in index order
 * @param nextIndex the row index the next page starts from, or -1 when this is the last page
 */
public record EvaluationComparisonPage(List<EvaluationComparison.RowDelta> rows, int nextIndex) {
    /** Copies the rows. */
    public EvaluationComparisonPage {
        rows = List.copyOf(rows);
    }

    /** Which rows a page holds. */
    public enum Show {
        /** Every row index either evaluation holds. */
        ALL,
        /** Rows that did not fail in A and fail in B. */
        REGRESSIONS,
        /** Rows that failed in A and do not in B. */
        IMPROVEMENTS
    }
}
