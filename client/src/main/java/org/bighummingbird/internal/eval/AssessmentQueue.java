package org.bighummingbird.internal.eval;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.bighummingbird.core.RunAssessment;
import org.bighummingbird.internal.export.Exporter;
import org.bighummingbird.internal.export.RunEvent;
import org.bighummingbird.internal.judge.Score;
import org.bighummingbird.internal.judge.Scorer;

/**
 * Assess mode: scores every finished run of an assessed model with one judge on a few threads of its
 * own, then hands the run, with the verdict, to the exporter. The traced call never waits for the
 * judge: when {@link #CAPACITY} runs are already waiting, a run goes on at once with an error verdict
 * instead. A run whose model threw is not scored (error verdict). Thread-safe.
 */
public final class AssessmentQueue implements Consumer<RunEvent> {
    /** Threads scoring runs; an LLM judge spends its time waiting on the endpoint. */
    static final int THREADS = 4;
    /** Runs that may wait for the judge. */
    static final int CAPACITY = 10_000;
    private static final AtomicInteger QUEUES = new AtomicInteger();

    private final Scorer scorer;
    private final String judgeVersionId;
    private final String judgeTag;
    private final Exporter exporter;
    private final ThreadPoolExecutor pool;
    private final AtomicLong pending = new AtomicLong();

    /**
     * @param judgeVersionId the judge version's store id, or null when the judge was read through a
     *     team server (the server resolves the tag)
     * @param judgeTag the judge version's tag
     */
    public AssessmentQueue(Scorer scorer, String judgeVersionId, String judgeTag, Exporter exporter) {
        this.scorer = scorer;
        this.judgeVersionId = judgeVersionId;
        this.judgeTag = judgeTag;
        this.exporter = exporter;
        int queue = QUEUES.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(CAPACITY), r -> {
                    Thread t = new Thread(r, "bhb-assess-" + queue + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    @Override
    public void accept(RunEvent run) {
        if (run.error() != null) {
            exporter.offer(run.withAssessment(error("the model threw " + run.error().getClass().getName()
                    + "; there is no output to score")));
            return;
        }
        pending.incrementAndGet();
        try {
            pool.execute(() -> score(run));
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            exporter.offer(run.withAssessment(error("not scored: " + CAPACITY + " runs were already waiting for"
                    + " the judge" + (pool.isShutdown() ? " (or the tracker was closing)" : ""))));
        }
    }

    private void score(RunEvent run) {
        try {
            Score s = scorer.score(input(run.inputs()), run.output(), null);
            exporter.offer(run.withAssessment(s.isError() ? error(s.error())
                    : new RunAssessment(judgeVersionId, judgeTag, s.score(), s.passed(), null)));
        } catch (RuntimeException e) {
            exporter.offer(run.withAssessment(error("the judge failed: " + e)));
        } finally {
            pending.decrementAndGet();
        }
    }

    /** The input a judge sees: nothing, the one argument, or the arguments as a list. */
    static Object input(Object[] inputs) {
        if (inputs.length == 0) {
            return null;
        }
        return inputs.length == 1 ? inputs[0] : Arrays.asList(inputs);
    }

    private RunAssessment error(String reason) {
        return new RunAssessment(judgeVersionId, judgeTag, null, null, reason);
    }

    /** Waits until no run is waiting for the judge; false when some still were after {@code timeoutMs}. */
    public boolean drain(long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (pending.get() > 0) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Scores what is waiting for up to {@code timeoutMs}, then stops the threads. */
    public void close(long timeoutMs) {
        drain(timeoutMs);
        pool.shutdownNow();
    }
}
