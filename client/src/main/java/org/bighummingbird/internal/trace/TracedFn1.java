package org.bighummingbird.internal.trace;

import org.bighummingbird.Fn1;

/** A traced {@link Fn1}: every call is recorded as a run. Thread-safe when the model is. */
public final class TracedFn1<A, R> extends TracedModel implements Fn1<A, R> {
    private static final long serialVersionUID = 1L;

    private final Fn1<A, R> fn;

    public TracedFn1(Fn1<A, R> fn, ModelHandle model) {
        super(model);
        this.fn = fn;
    }

    @Override
    public R apply(A a) {
        Call call = model.begin(a);
        R out;
        try {
            out = fn.apply(a);
        } catch (Throwable t) {
            model.end(call, null, t);
            throw Sneaky.rethrow(t);
        }
        model.end(call, out, null);
        return out;
    }
}
