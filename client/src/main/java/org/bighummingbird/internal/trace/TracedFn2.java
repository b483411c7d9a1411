package org.bighummingbird.internal.trace;

import org.bighummingbird.Fn2;

/** A traced {@link Fn2}: every call is recorded as a run. Thread-safe when the model is. */
public final class TracedFn2<A, B, R> extends TracedModel implements Fn2<A, B, R> {
    private static final long serialVersionUID = 1L;

    private final Fn2<A, B, R> fn;

    public TracedFn2(Fn2<A, B, R> fn, ModelHandle model) {
        super(model);
        this.fn = fn;
    }

    @Override
    public R apply(A a, B b) {
        Call call = model.begin(a, b);
        R out;
        try {
            out = fn.apply(a, b);
        } catch (Throwable t) {
            model.end(call, null, t);
            throw Sneaky.rethrow(t);
        }
        model.end(call, out, null);
        return out;
    }
}
