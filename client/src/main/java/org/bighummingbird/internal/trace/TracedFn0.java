package org.bighummingbird.internal.trace;

import org.bighummingbird.Fn0;

/** A traced {@link Fn0}: every call is recorded as a run. Thread-safe when the model is. */
public final class TracedFn0<R> extends TracedModel implements Fn0<R> {
    private static final long serialVersionUID = 1L;

    private final Fn0<R> fn;

    public TracedFn0(Fn0<R> fn, ModelHandle model) {
        super(model);
        this.fn = fn;
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
}
