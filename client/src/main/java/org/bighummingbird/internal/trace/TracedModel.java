package org.bighummingbird.internal.trace;

import java.io.Serializable;
import org.bighummingbird.Traced;

/** What every {@code TracedFnN} shares: the model handle behind {@link Traced}. */
abstract class TracedModel implements Traced, Serializable {
    private static final long serialVersionUID = 1L;

    final transient ModelHandle model;

    TracedModel(ModelHandle model) {
        this.model = model;
    }

    @Override
    public final String name() {
        return model.name();
    }

    @Override
    public final String tag() {
        return model.tag();
    }

    @Override
    public final String toString() {
        return model.toString();
    }
}
