package org.bighummingbird.sdk.internal.trace;

import java.io.Serializable;
import org.bighummingbird.Fn0;

/** A traced {@link Fn0}: every call is recorded as a run. Thread-safe when the model is. */
public final class TracedFn0<R> extends TracedModel implements Fn0<R> {
    private static final long serialVersionUID = 2L;

    private final Fn0<R> fn;

    /** Records every call of {@code fn} through {@code model}. */
    public TracedFn0(Fn0<R> fn, ModelHandle model) {
        super(model);
        this.fn = fn;
    }

    /** A deserialized wrapper: it finds its handle through {@code reconnection}. */
    TracedFn0(Fn0<R> fn, Reconnection reconnection) {
        super(reconnection);
        this.fn = fn;
    }

    @Override
    Serializable function() {
        return fn;
    }

    @Override
    int arity() {
        return 0;
    }

    @Override
    public R apply() {
        ModelHandle model = model();
        if (model == null) {
            return fn.apply();
        }
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
