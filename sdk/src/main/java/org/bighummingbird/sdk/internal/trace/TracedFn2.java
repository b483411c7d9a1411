package org.bighummingbird.sdk.internal.trace;

import java.io.Serializable;
import org.bighummingbird.Fn2;

/** A traced {@link Fn2}: every call is recorded as a run. Thread-safe when the model is. */
public final class TracedFn2<A, B, R> extends TracedModel implements Fn2<A, B, R> {
    private static final long serialVersionUID = 2L;

    private final Fn2<A, B, R> fn;

    /** Records every call of {@code fn} through {@code model}. */
    public TracedFn2(Fn2<A, B, R> fn, ModelHandle model) {
        super(model);
        this.fn = fn;
    }

    /** A deserialized wrapper: it finds its handle through {@code reconnection}. */
    TracedFn2(Fn2<A, B, R> fn, Reconnection reconnection) {
        super(reconnection);
        this.fn = fn;
    }

    @Override
    Serializable function() {
        return fn;
    }

    @Override
    int arity() {
        return 2;
    }

    @Override
    public R apply(A a, B b) {
        ModelHandle model = model();
        if (model == null) {
            return fn.apply(a, b);
        }
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
