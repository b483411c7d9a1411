package org.bighummingbird.sdk.internal.eval;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bighummingbird.core.RunAssessment;
import org.bighummingbird.sdk.internal.export.Exporter;
import org.bighummingbird.sdk.internal.export.RunEvent;
import org.bighummingbird.sdk.internal.judge.Score;
import org.bighummingbird.sdk.internal.judge.Scorer;
import org.bighummingbird.sdk.internal.trace.RunRoute;

/**
 * Assess mode: scores every finished run of an assessed model with one judge on a few threads of its
 * own, then hands the run, with the verdict, to the exporter. The judge sees the call's arguments and
 * output objects themselves, as in an evaluation; the run keeps their snapshots. The traced call never
 * waits for the judge: when {@link #CAPACITY} runs are already waiting, a run goes on at once with an
 * error verdict instead. A run whose model threw is not scored (error verdict). Every run reaches the
 * exporter exactly once: on {@link #close}, the runs the judge did not finish go on unscored, with
 * {@link #NOT_JUDGED} as the reason. Thread-safe.
 */
public final class AssessmentQueue implements RunRoute {
    /** Threads scoring runs; an LLM judge spends its time waiting on the endpoint. */
    static final int THREADS = 4;
    /** Runs that may wait for the judge. */
    static final int CAPACITY = 10_000;
    /** Why a run that was waiting for the judge at close has no score. */
    static final String NOT_JUDGED = "not judged: closed before the judge finished";
    private static final AtomicInteger QUEUES = new AtomicInteger();

    private final Scorer scorer;
    private final String judgeVersionId;
    private final String judgeTag;
    private final Exporter exporter;
    private final ThreadPoolExecutor pool;
    /** Runs handed to the judge and not yet to the exporter. */
    private final Set<Job> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

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
    public String judgeTag() {
        return judgeTag;
    }

    @Override
    public void accept(RunEvent run, Object[] arguments, Object output) {
        if (run.error() != null) {
            exporter.offer(run.withAssessment(error("the model threw " + run.error().getClass().getName()
                    + "; there is no output to score")));
            return;
        }
        if (closing) {
            exporter.offer(run.withAssessment(error("not judged: the tracker was closing")));
            return;
        }
        Job job = new Job(run, arguments, output);
        pending.add(job);
        try {
            pool.execute(job);
        } catch (RejectedExecutionException e) {
            job.handOver(error(pool.isShutdown() ? "not judged: the tracker was closing"
                    : "not scored: " + CAPACITY + " runs were already waiting for the judge"));
        }
    }

    /** The input a judge sees: nothing, the one argument, or the arguments as a list. */
    static Object input(Object[] inputs) {
        if (inputs == null || inputs.length == 0) {
            return null;
        }
        return inputs.length == 1 ? inputs[0] : Arrays.asList(inputs);
    }

    private RunAssessment error(String reason) {
        return new RunAssessment(judgeVersionId, judgeTag, null, null, reason);
    }

    private RunAssessment verdict(Job job) {
        try {
            Score s = scorer.score(input(job.arguments), job.output, null);
            return s.isError() ? error(s.error()) : new RunAssessment(judgeVersionId, judgeTag, s.score(), s.passed(),
                    null);
        } catch (RuntimeException e) {
            return error("the judge failed: " + e);
        }
    }

    /** Waits until no run is waiting for the judge; false when some still were after {@code timeoutMs}. */
    public boolean drain(long timeoutMs) {
        return drainUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs));
    }

    private boolean drainUntil(long deadlineNanos) {
        while (!pending.isEmpty()) {
            if (System.nanoTime() - deadlineNanos > 0) {
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

    /**
     * Lets the judge score what is waiting until {@code deadlineNanos} (a {@link System#nanoTime()}
     * reading), then hands every run it did not finish to the exporter unscored, with
     * {@link #NOT_JUDGED} as the reason, and stops the judge's threads. Runs that arrive meanwhile go
     * on unscored at once. Idempotent.
     */
    public void closeBy(long deadlineNanos) {
        closing = true;
        drainUntil(deadlineNanos);
        for (Job job : pending) {
            job.handOver(error(NOT_JUDGED));
        }
        // a judge still running is interrupted; the verdict it may still give is not wanted any more
        pool.shutdownNow();
    }

    /** One run waiting for the judge; the judge or close(), whichever comes first, hands it on. */
    private final class Job implements Runnable {
        final RunEvent run;
        final Object[] arguments;
        final Object output;
        private final AtomicBoolean claimed = new AtomicBoolean();

        Job(RunEvent run, Object[] arguments, Object output) {
            this.run = run;
            this.arguments = arguments;
            this.output = output;
        }

        /** Hands the run on with {@code verdict}, unless it was handed on already. */
        void handOver(RunAssessment verdict) {
            if (claimed.compareAndSet(false, true)) {
                exporter.offer(run.withAssessment(verdict));
                // only now: flush() waits for an empty set, then for the exporter to take what it was offered
                pending.remove(this);
            }
        }

        @Override
        public void run() {
            if (!claimed.get()) {
                handOver(verdict(this));
            }
        }
    }
}
