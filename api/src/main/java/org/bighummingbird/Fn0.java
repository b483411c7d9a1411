package org.bighummingbird;

import java.io.Serializable;

/**
 * A model of no arguments. Serializable so that {@link BigHummingbird#trace(String, Fn0)} can read
 * its code; lambdas and method references assigned to it are serializable automatically.
 *
 * @param <R> the output type
 */
@FunctionalInterface
public interface Fn0<R> extends Serializable {
    /** Runs the model. */
    R apply();
}
