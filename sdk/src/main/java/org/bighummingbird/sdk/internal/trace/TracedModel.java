package org.bighummingbird.sdk.internal.trace;

import java.io.Serializable;
import org.bighummingbird.Traced;

/**
 * What every {@code TracedFnN} shares: the model handle behind {@link Traced}, and the serial form.
 * A wrapper is serialized as a {@link SerializedModel} (project, name, the wrapped function), never
 * with the tracker; read back, it finds its project's open tracker at its first call.
 */
abstract class TracedModel implements Traced, Serializable {
    private static final long serialVersionUID = 2L;

    /** The handle of a wrapper trace() made; null in one that was deserialized. */
    private final transient ModelHandle bound;
    /** How a deserialized wrapper finds its handle; null in one trace() made. */
    private final transient Reconnection reconnection;

    TracedModel(ModelHandle model) {
        this.bound = model;
        this.reconnection = null;
    }

    TracedModel(Reconnection reconnection) {
        this.bound = null;
        this.reconnection = reconnection;
    }

    /** The handle calls are recorded through; null when deserialized where no tracker of the project is open. */
    final ModelHandle model() {
        ModelHandle m = bound;
        return m != null ? m : reconnection.handle();
    }

    /** The function this wraps. */
    abstract Serializable function();

    /** The number of arguments the function takes. */
    abstract int arity();

    @Override
    public final String name() {
        return bound != null ? bound.name() : reconnection.form().name();
    }

    @Override
    public final String tag() {
        return bound != null ? bound.tag() : reconnection.tag();
    }

    /** Serialization writes the small form instead, which reconnects when read (see {@link SerializedModel}). */
    final Object writeReplace() {
        return bound != null ? SerializedModel.of(bound, function(), arity()) : reconnection.form();
    }

    @Override
    public final String toString() {
        return "traced model " + name();
    }
}
