package org.bighummingbird.sdk.internal.eval;

import java.util.List;
import org.bighummingbird.Fn0;
import org.bighummingbird.Fn1;
import org.bighummingbird.Fn2;
import org.bighummingbird.Fn3;

/**
 * Calls a model with one dataset row's input: a {@link Fn0} gets nothing, a {@link Fn1} the input,
 * a {@link Fn2} or {@link Fn3} the elements of an input that is a JSON array of two or three
 * elements. Thread-safe when the model is.
 */
@FunctionalInterface
public interface ModelCall {
    /**
     * Calls the model.
     *
     * @param input the row's input as Jackson reads JSON: a Map, List, String, Integer, Long, Double,
     *     BigInteger, Boolean or null
     * @throws Throwable whatever the model throws, or an IllegalArgumentException when the input does
     *     not fit the model's arity
     */
    Object call(Object input) throws Throwable;

    /**
     * The call for {@code fn}, a {@code Fn0} … {@code Fn3}.
     *
     * @throws IllegalArgumentException when fn is none of them
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static ModelCall of(Object fn) {
        if (fn instanceof Fn0 f) {
            return input -> f.apply();
        }
        if (fn instanceof Fn1 f) {
            return input -> f.apply(input);
        }
        if (fn instanceof Fn2 f) {
            return input -> {
                List<?> args = arguments(input, 2);
                return f.apply(args.get(0), args.get(1));
            };
        }
        if (fn instanceof Fn3 f) {
            return input -> {
                List<?> args = arguments(input, 3);
                return f.apply(args.get(0), args.get(1), args.get(2));
            };
        }
        throw new IllegalArgumentException("the model must be a Fn0, Fn1, Fn2 or Fn3 that trace() returned, got "
                + (fn == null ? "null" : fn.getClass().getName()));
    }

    private static List<?> arguments(Object input, int arity) {
        if (input instanceof List<?> list && list.size() == arity) {
            return list;
        }
        throw new IllegalArgumentException("a model of " + arity + " arguments needs each row's input to be a JSON"
                + " array of " + arity + " elements, got " + describe(input));
    }

    private static String describe(Object input) {
        if (input instanceof List<?> list) {
            return "an array of " + list.size();
        }
        return input == null ? "null" : "a " + input.getClass().getSimpleName();
    }
}
