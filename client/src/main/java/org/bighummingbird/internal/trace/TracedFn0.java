package org.bighummingbird.internal.trace;

import org.bighummingbird.Fn0;
import org.bighummingbird.Traced;

/** A traced {@link Fn0}: every call is recorded as a run. Thread-safe when the model is. */
public final class TracedFn0<R> implements Fn0<R>, Traced {
    private static final long serialVersionUID = 1L;

    private final Fn0<R> fn;
    private final transient ModelHandle model;

    public TracedFn0(Fn0<R> fn, ModelHandle model) {
        this.fn = fn;
        this.model = model;
    }

    @Override
    public R apply() {
        Call call = model.begin();
        R out;
        try {
            out = fn.apply();
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
