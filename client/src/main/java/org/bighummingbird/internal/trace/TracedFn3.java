package org.bighummingbird.internal.trace;

import org.bighummingbird.Fn3;
import org.bighummingbird.Traced;

/** A traced {@link Fn3}: every call is recorded as a run. Thread-safe when the model is. */
public final class TracedFn3<A, B, C, R> implements Fn3<A, B, C, R>, Traced {
    private static final long serialVersionUID = 1L;

    private final Fn3<A, B, C, R> fn;
    private final transient ModelHandle model;

    public TracedFn3(Fn3<A, B, C, R> fn, ModelHandle model) {
        this.fn = fn;
        this.model = model;
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

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public String tag() {
        return model.tag();
    }

    @Override
    public String toString() {
        return model.toString();
    }
}
