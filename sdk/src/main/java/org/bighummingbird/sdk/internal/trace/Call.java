package org.bighummingbird.sdk.internal.trace;

import java.util.UUID;

/** One traced call in progress on a thread; the previous one is the call it runs inside. */
final class Call {
    final UUID id;
    final Call parent;
    final long startNanos;
    final long startEpochNanos;
    final Object[] inputs;
    /** The arguments themselves, for a judge that scores the run (assess mode), else null. */
    final Object[] arguments;

    Call(UUID id, Call parent, long startNanos, long startEpochNanos, Object[] inputs, Object[] arguments) {
        this.id = id;
        this.parent = parent;
        this.startNanos = startNanos;
        this.startEpochNanos = startEpochNanos;
        this.inputs = inputs;
        this.arguments = arguments;
    }

    UUID rootId() {
        Call c = this;
        while (c.parent != null) {
            c = c.parent;
        }
        return c == this ? null : c.id;
    }
}
