package org.bighummingbird.sdk.internal.judge;

/**
 * A judge version ready to run, from {@link Judges#scorer(String)}. Thread-safe: an evaluation calls
 * it from many threads at once. Never throws for a row: a rubric or criterion that throws, a
 * non-finite score, an endpoint that fails, all become an error {@link Score}.
 */
@FunctionalInterface
public interface Scorer {
    /**
     * Scores one row.
     *
     * @param input the row's input (null when there is none)
     * @param output the model's output
     * @param expected the row's expected value (null when there is none)
     */
    Score score(Object input, Object output, Object expected);
}
