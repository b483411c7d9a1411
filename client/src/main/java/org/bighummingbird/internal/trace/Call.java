package org.bighummingbird.internal.trace;

import java.util.UUID;

/** One traced call in progress on a thread; the previous one is the call it runs inside. */
final class Call {
    final UUID id;
    final Call parent;
    final long startNanos;
    final Object[] inputs;

    Call(UUID id, Call parent, long startNanos, Object[] inputs) {
        this.id = id;
        this.parent = parent;
        this.startNanos = startNanos;
        this.inputs = inputs;
    }

    UUID rootId() {
        Call c = this;
        while (c.parent != null) {
            c = c.parent;
        }
        return c == this ? null : c.id;
    }
}
