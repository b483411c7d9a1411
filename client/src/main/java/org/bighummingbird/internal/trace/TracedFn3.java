package org.bighummingbird.internal.trace;

import org.bighummingbird.Fn3;

/** A traced {@link Fn3}: every call is recorded as a run. Thread-safe when the model is. */
public final class TracedFn3<A, B, C, R> extends TracedModel implements Fn3<A, B, C, R> {
    private static final long serialVersionUID = 1L;

    private final Fn3<A, B, C, R> fn;

    public TracedFn3(Fn3<A, B, C, R> fn, ModelHandle model) {
        super(model);
        this.fn = fn;
    }

    @Override
    public R apply(A a, B b, C c) {
        Call call = model.begin(a, b, c);
        R out;
        try {
            out = fn.apply(a, b, c);
        } catch (Throwable t) {
            model.end(call, null, t);
            throw Sneaky.rethrow(t);
        }
        model.end(call, out, null);
        return out;
    }
}
