package org.bighummingbird;

import java.io.Serializable;

/**
 * A model of two arguments; see {@link Fn0}.
 *
 * @param <A> the first argument's type
 * @param <B> the second argument's type
 * @param <R> the output type
 */
@FunctionalInterface
public interface Fn2<A, B, R> extends Serializable {
    /** Runs the model. */
    R apply(A a, B b);
}
