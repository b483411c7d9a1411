package org.bighummingbird.sdk.internal.export;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.bighummingbird.DropCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dropped runs, counted by {@link DropCause}, and the first drop of each cause logged once. Refused
 * runs are counted through {@link #adder} by {@link Rejections}, which logs them with the sink's
 * reason. Thread-safe; counting is a {@link LongAdder} increment, fit for the calling threads.
 */
final class DropCounts {
    private static final Logger LOG = LoggerFactory.getLogger(Exporter.class);

    private final EnumMap<DropCause, LongAdder> counts = new EnumMap<>(DropCause.class);
    private final EnumMap<DropCause, AtomicBoolean> told = new EnumMap<>(DropCause.class);

    DropCounts() {
        for (DropCause cause : DropCause.values()) {
            counts.put(cause, new LongAdder());
            // refusals are logged with the sink's reason (Rejections), faults with their stack trace,
            // runs out of range with their id and times (RunsInBounds)
            told.put(cause, new AtomicBoolean(cause == DropCause.REFUSED || cause == DropCause.FAULT
                    || cause == DropCause.OUT_OF_RANGE));
        }
    }

    /** Counts {@code n} runs dropped for {@code cause}, logging the first of the cause. */
    void add(DropCause cause, long n) {
        if (n <= 0) {
            return;
        }
        counts.get(cause).add(n);
        if (!told.get(cause).get() && told.get(cause).compareAndSet(false, true)) {
            LOG.warn("BigHummingbird dropped {} because {}; runs dropped for this cause are only counted from now"
                    + " on (droppedRunsByCause())", n == 1 ? "a run" : n + " runs", cause.description());
        }
    }

    /** The counter of one cause, for a part that counts and logs on its own. */
    LongAdder adder(DropCause cause) {
        return counts.get(cause);
    }

    long total() {
        long sum = 0;
        for (LongAdder a : counts.values()) {
            sum += a.sum();
        }
        return sum;
    }

    /** Every cause with its count so far, zeros included. */
    Map<DropCause, Long> byCause() {
        EnumMap<DropCause, Long> out = new EnumMap<>(DropCause.class);
        counts.forEach((cause, n) -> out.put(cause, n.sum()));
        return Collections.unmodifiableMap(out);
    }
}
