package org.bighummingbird.sdk.internal.export;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.bighummingbird.DropCause;
import org.bighummingbird.core.RunBounds;
import org.bighummingbird.core.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leaves out the runs whose times are outside {@link RunBounds} before they are sent or spooled:
 * the server refuses a whole batch for one such run (and the exporter never retries a refusal),
 * so one call of more than a day would otherwise lose every other run of its batch. Counts them
 * as {@link DropCause#OUT_OF_RANGE} and logs the first with its id and times. Thread-safe.
 */
final class RunsInBounds {
    private static final Logger LOG = LoggerFactory.getLogger(Exporter.class);

    private final LongAdder dropped;
    private final AtomicBoolean told = new AtomicBoolean();

    /** @param dropped the counter of {@link DropCause#OUT_OF_RANGE} runs */
    RunsInBounds(LongAdder dropped) {
        this.dropped = dropped;
    }

    /** Whether a run's start and latency are both within what a store keeps. */
    static boolean inBounds(RunRecord run) {
        return RunBounds.startedAtInRange(run.startedAtMicros()) && RunBounds.latencyInRange(run.latencyNs());
    }

    /**
     * The runs of {@code records} within bounds, in order: {@code records} itself when all are,
     * else a new list, the others counted and the first of them ever logged.
     */
    List<RunRecord> keep(List<RunRecord> records) {
        List<RunRecord> kept = null;
        for (int i = 0; i < records.size(); i++) {
            RunRecord r = records.get(i);
            if (inBounds(r)) {
                if (kept != null) {
                    kept.add(r);
                }
                continue;
            }
            if (kept == null) {
                kept = new ArrayList<>(records.subList(0, i));
            }
            dropped.increment();
            if (!told.get() && told.compareAndSet(false, true)) {
                LOG.warn("BigHummingbird dropped run {} of model {}: startedAtMicros {} must be from {} to {} and"
                        + " latencyNs {} from 0 to {}; runs dropped for this cause are only counted from now on"
                        + " (droppedRunsByCause() OUT_OF_RANGE)", r.id(), r.modelName(), r.startedAtMicros(),
                        RunBounds.MIN_STARTED_AT_MICROS, RunBounds.MAX_STARTED_AT_MICROS, r.latencyNs(),
                        RunBounds.MAX_LATENCY_NS);
            }
        }
        return kept == null ? records : kept;
    }
}
