package org.bighummingbird.sdk.internal.export;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.bighummingbird.sdk.spi.SinkRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the sink refused for good, and the log of it: the first refusal of each kind (status and
 * problem type) is logged at ERROR with its reason; later ones are only counted and summarised
 * every {@link #REPORT_NANOS} and on close. Exporter thread only; not thread-safe.
 */
final class Rejections {
    private static final Logger LOG = LoggerFactory.getLogger(Exporter.class);
    private static final long REPORT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Object sink;
    private final LongAdder dropped;
    private final Set<String> logged = new HashSet<>();
    private final Set<SinkRejected> refusedRegistrations = java.util.Collections.newSetFromMap(
            new java.util.IdentityHashMap<>());
    private final Map<String, Long> runsByKind = new LinkedHashMap<>();
    private long runs;
    private long reported;
    private long lastReportNanos = System.nanoTime();

    /**
     * @param sink what refuses, for messages
     * @param dropped the exporter's count of dropped runs, which refused runs add to
     */
    Rejections(Object sink, LongAdder dropped) {
        this.sink = sink;
        this.dropped = dropped;
    }

    /** Runs the sink refused: dropped for good, counted, and logged when the first of their kind. */
    void runs(SinkRejected e, long count) {
        if (count <= 0) {
            return;
        }
        dropped.add(count);
        runs += count;
        runsByKind.merge(e.kind(), count, Long::sum);
        // the runs of a version whose registration was refused: that log line said they are dropped
        boolean told = refusedRegistrations.contains(e);
        if (!told && logged.add("runs " + e.kind())) {
            LOG.error("BigHummingbird dropped {} that {} refused: {}. Runs refused the same way are only"
                    + " counted from now on", count == 1 ? "1 run" : count + " runs", sink, e.reason());
            reported += count;
        }
    }

    /** A registration the sink refused: the version has no tag, and its runs are dropped. */
    void registration(SinkRejected e) {
        refusedRegistrations.add(e);
        if (logged.add("registration " + e.kind())) {
            LOG.error("BigHummingbird cannot register a model version: {}. The version has no tag and its runs are"
                    + " dropped; registrations refused the same way are not logged again", e.reason());
        }
    }

    /** Runs refused so far. */
    long refusedRuns() {
        return runs;
    }

    /** Summarises refusals since the last summary, when there are new ones and it is time (or closing). */
    void report(boolean closing) {
        long now = System.nanoTime();
        if (runs > reported && (closing || now - lastReportNanos > REPORT_NANOS)) {
            LOG.warn("BigHummingbird dropped {} runs so far that {} refused ({})", runs, sink,
                    runsByKind.entrySet().stream().map(k -> k.getValue() + " with status " + k.getKey().strip())
                            .collect(Collectors.joining(", ")));
            reported = runs;
            lastReportNanos = now;
        }
    }
}
