package org.bighummingbird;

import java.io.Serializable;

/**
 * A judge's scoring rubric over a model's output: a serializable lambda or method reference,
 * fingerprinted like a model, so that changing it makes a new judge version.
 *
 * @param <O> the model's output type
 */
@FunctionalInterface
public interface Rubric<O> extends Serializable {
    /**
     * Scores one output. A score that is NaN or infinite, or an exception, makes the row an error
     * row; the evaluation goes on.
     */
    double score(O output);
}
