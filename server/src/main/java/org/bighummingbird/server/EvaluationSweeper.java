package org.bighummingbird.server;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bighummingbird.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's scheduled task that marks running evaluations without a heartbeat for {@code
 * silence} abandoned ({@link org.bighummingbird.store.EvaluationStore#abandonSilent}): once at start, then every quarter of
 * the silence, at most every {@link #MAX_PERIOD}, on one daemon thread. Several servers on one
 * database sweep without conflict. A sweep that fails is logged once until one succeeds again.
 */
final class EvaluationSweeper implements AutoCloseable {
    /** The longest time between two sweeps: how late an evaluation may be marked abandoned. */
    static final Duration MAX_PERIOD = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(EvaluationSweeper.class);

    private final Store store;
    private final Duration silence;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private boolean failing;

    /** A sweeper not scheduled yet: {@link #sweep()} sweeps once; {@link #start} schedules one. */
    EvaluationSweeper(Store store, Duration silence, Clock clock) {
        this.store = store;
        this.silence = silence;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bhb-evaluation-sweeper");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts sweeping {@code store}, reading the time from {@code clock}. */
    static EvaluationSweeper start(Store store, Duration silence, Clock clock) {
        EvaluationSweeper sweeper = new EvaluationSweeper(store, silence, clock);
        long period = Math.max(1, Math.min(MAX_PERIOD.toMillis(), silence.toMillis() / 4));
        sweeper.timer.scheduleWithFixedDelay(sweeper::sweep, 0, period, TimeUnit.MILLISECONDS);
        return sweeper;
    }

    /** One sweep at the clock's now; how many evaluations it abandoned, 0 when the store failed. */
    synchronized int sweep() {
        try {
            int abandoned = store.evaluations().abandonSilent(clock.instant(), silence);
            if (abandoned > 0) {
                LOG.info("marked {} running evaluation(s) abandoned: no heartbeat for {} s", abandoned,
                        silence.toMillis() / 1_000.0);
            }
            if (failing) {
                LOG.info("the evaluation sweep works again");
                failing = false;
            }
            return abandoned;
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: log once, keep the schedule
            if (!failing) {
                LOG.warn("the evaluation sweep failed; retrying every period", e);
                failing = true;
            }
            return 0;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
