package org.bighummingbird;

import java.io.Serializable;

/**
 * A judge's passing criterion over a finite score, as in {@code s -> s > 5}: a serializable lambda
 * or method reference, fingerprinted like a model. An exception makes the row an error row.
 */
@FunctionalInterface
public interface Criterion extends Serializable {
    /** Whether {@code score} (always finite) passes. */
    boolean passes(double score);
}
