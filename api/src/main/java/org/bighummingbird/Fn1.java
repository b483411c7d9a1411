package org.bighummingbird;

import java.io.Serializable;

/**
 * A model of one argument; see {@link Fn0}.
 *
 * @param <A> the argument type
 * @param <R> the output type
 */
@FunctionalInterface
public interface Fn1<A, R> extends Serializable {
    /** Runs the model. */
    R apply(A a);
}
