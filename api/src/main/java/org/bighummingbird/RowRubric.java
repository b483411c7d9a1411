package org.bighummingbird;

import java.io.Serializable;

/**
 * A judge's scoring rubric that sees the whole dataset row: the model's input, its output and the
 * row's expected value (null when the row has none). Serializable and fingerprinted like
 * {@link Rubric}.
 *
 * @param <I> the row's input type
 * @param <O> the model's output type
 * @param <E> the row's expected value type
 */
@FunctionalInterface
public interface RowRubric<I, O, E> extends Serializable {
    /** Scores one row; see {@link Rubric#score(Object)} for what makes an error row. */
    double score(I input, O output, E expected);
}
