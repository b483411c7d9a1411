package org.bighummingbird.sdk.internal.trace;

import java.io.Serializable;
import org.bighummingbird.Fn1;

/** A traced {@link Fn1}: every call is recorded as a run. Thread-safe when the model is. */
public final class TracedFn1<A, R> extends TracedModel implements Fn1<A, R> {
    private static final long serialVersionUID = 2L;

    private final Fn1<A, R> fn;

    /** Records every call of {@code fn} through {@code model}. */
    public TracedFn1(Fn1<A, R> fn, ModelHandle model) {
        super(model);
        this.fn = fn;
    }

    /** A deserialized wrapper: it finds its handle through {@code reconnection}. */
    TracedFn1(Fn1<A, R> fn, Reconnection reconnection) {
        super(reconnection);
        this.fn = fn;
    }

    @Override
    Serializable function() {
        return fn;
    }

    @Override
    int arity() {
        return 1;
    }

    @Override
    public R apply(A a) {
        ModelHandle model = model();
        if (model == null) {
            return fn.apply(a);
        }
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
