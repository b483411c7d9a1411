package org.bighummingbird;

import java.io.Serializable;

/**
 * A model of three arguments; see {@link Fn0}.
 *
 * @param <A> the first argument's type
 * @param <B> the second argument's type
 * @param <C> the third argument's type
 * @param <R> the output type
 */
@FunctionalInterface
public interface Fn3<A, B, C, R> extends Serializable {
    /** Runs the model. */
    R apply(A a, B b, C c);
}
