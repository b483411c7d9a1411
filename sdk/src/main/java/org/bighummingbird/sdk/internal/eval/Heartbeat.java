package org.bighummingbird.sdk.internal.eval;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bighummingbird.sdk.spi.catalog.Catalog;
import org.bighummingbird.sdk.spi.catalog.EvaluationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running evaluation's heartbeat: tells the catalog every interval, on a daemon thread of its own,
 * that this process still runs the evaluation, so that a sweep marks it abandoned only when the
 * process died or hangs (rows that take longer than the sweep's threshold keep it alive). A failed
 * heartbeat is logged once and tried again at the next interval; once the evaluation is no longer
 * running (abandoned while this process was stopped) it stops, and the next write of rows says so.
 */
final class Heartbeat implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Catalog catalog;
    private final String evaluationId;
    private final ScheduledExecutorService timer;
    private boolean failing;

    private Heartbeat(Catalog catalog, String evaluationId) {
        this.catalog = catalog;
        this.evaluationId = evaluationId;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bhb-eval-heartbeat-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts beating every {@code interval}, the first beat one interval from now (creating it was one). */
    static Heartbeat start(Catalog catalog, String evaluationId, Duration interval) {
        Heartbeat heartbeat = new Heartbeat(catalog, evaluationId);
        long millis = Math.max(1, interval.toMillis());
        heartbeat.timer.scheduleWithFixedDelay(heartbeat::beat, millis, millis, TimeUnit.MILLISECONDS);
        return heartbeat;
    }

    private void beat() {
        try {
            catalog.heartbeatEvaluation(evaluationId);
            failing = false;
        } catch (IllegalStateException e) {
            timer.shutdown();
            // a beat that crossed this process's own completion or failure says nothing worth a warning
            if (abandoned()) {
                LOG.warn("evaluation {} is no longer running ({}); its heartbeat stops", evaluationId, e.getMessage());
            }
        } catch (RuntimeException e) {
            if (!failing && !timer.isShutdown()) {
                LOG.warn("the heartbeat of evaluation {} failed; trying again every interval", evaluationId, e);
                failing = true;
            }
        }
    }

    private boolean abandoned() {
        try {
            return catalog.evaluation(evaluationId).map(e -> EvaluationInfo.ABANDONED.equals(e.status()))
                    .orElse(false);
        } catch (RuntimeException e) {
            return true; // cannot tell: say it
        }
    }

    /** Stops the heartbeat; a beat under way finishes on its own thread. */
    @Override
    public void close() {
        timer.shutdown();
    }
}
