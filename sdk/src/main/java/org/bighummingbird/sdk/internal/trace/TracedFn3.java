package org.bighummingbird.sdk.internal.trace;

import java.io.Serializable;
import org.bighummingbird.Fn3;

/** A traced {@link Fn3}: every call is recorded as a run. Thread-safe when the model is. */
public final class TracedFn3<A, B, C, R> extends TracedModel implements Fn3<A, B, C, R> {
    private static final long serialVersionUID = 2L;

    private final Fn3<A, B, C, R> fn;

    /** Records every call of {@code fn} through {@code model}. */
    public TracedFn3(Fn3<A, B, C, R> fn, ModelHandle model) {
        super(model);
        this.fn = fn;
    }

    /** A deserialized wrapper: it finds its handle through {@code reconnection}. */
    TracedFn3(Fn3<A, B, C, R> fn, Reconnection reconnection) {
        super(reconnection);
        this.fn = fn;
    }

    @Override
    Serializable function() {
        return fn;
    }

    @Override
    int arity() {
        return 3;
    }

    @Override
    public R apply(A a, B b, C c) {
        ModelHandle model = model();
        if (model == null) {
            return fn.apply(a, b, c);
        }
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
