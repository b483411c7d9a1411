package org.bighummingbird.internal.trace;

import org.bighummingbird.Fn1;
import org.bighummingbird.Traced;

/** A traced {@link Fn1}: every call is recorded as a run. Thread-safe when the model is. */
public final class TracedFn1<A, R> implements Fn1<A, R>, Traced {
    private static final long serialVersionUID = 1L;

    private final Fn1<A, R> fn;
    private final transient ModelHandle model;

    public TracedFn1(Fn1<A, R> fn, ModelHandle model) {
        this.fn = fn;
        this.model = model;
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
