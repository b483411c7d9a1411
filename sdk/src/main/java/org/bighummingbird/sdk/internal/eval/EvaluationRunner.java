package org.bighummingbird.sdk.internal.eval;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bighummingbird.EvaluationFailed;
import org.bighummingbird.JudgeUnavailable;
import org.bighummingbird.sdk.spi.catalog.Catalog;
import org.bighummingbird.sdk.internal.judge.Scorer;
import org.bighummingbird.sdk.spi.catalog.DatasetRowView;
import org.bighummingbird.sdk.spi.catalog.DatasetVersionInfo;
import org.bighummingbird.sdk.spi.catalog.EvaluationInfo;
import org.bighummingbird.sdk.spi.catalog.NewEvaluation;

/**
 * Runs one evaluation: creates it running in the catalog (under the spec's id, so a retried create
 * is harmless), pages the dataset's rows in, runs up to {@code parallelism} rows at once on its own
 * threads, writes finished rows in index order in batches and prints them, then completes the
 * evaluation, or marks it failed with the reason. A {@link Heartbeat} runs from creation to the end.
 *
 * <p>Memory stays bounded whatever the dataset's size: a row holds one of {@link #WINDOW_PER_THREAD}
 * × parallelism permits from the moment it is submitted until its batch is written, so rows in flight
 * plus rows waiting for an earlier one plus the batch being written never exceed that window; the
 * dataset is read one page at a time.
 */
public final class EvaluationRunner {
    /** Permits per thread: rows that may be in flight or waiting to be written at once. */
    static final int WINDOW_PER_THREAD = 8;
    /** Most rows in one write. */
    static final int MAX_BATCH = 500;
    /** Most dataset rows read in one page. */
    static final int PAGE = 1_000;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Catalog catalog;
    private final Duration heartbeatInterval;

    /** A runner over {@code catalog} whose evaluations send a heartbeat every {@code heartbeatInterval}. */
    public EvaluationRunner(Catalog catalog, Duration heartbeatInterval) {
        this.catalog = catalog;
        this.heartbeatInterval = heartbeatInterval;
    }

    /**
     * Runs the evaluation to the end.
     *
     * @param scorer makes the judge's scorer once the evaluation is stored; a {@link JudgeUnavailable}
     *     it throws marks the evaluation failed and goes to the caller
     * @return the complete evaluation with its summary
     * @throws JudgeUnavailable when the judge cannot run here (the evaluation is stored failed)
     * @throws EvaluationFailed when the evaluation stopped early (stored failed, with the reason)
     */
    public EvaluationInfo run(NewEvaluation spec, DatasetVersionInfo dataset, ModelCall model,
            Supplier<Scorer> scorer, ReporterFactory reporters) {
        EvaluationInfo created = catalog.createEvaluation(spec);
        try (Heartbeat heartbeat = Heartbeat.start(catalog, created.id(), heartbeatInterval)) {
            return runCreated(created.id(), spec, dataset, model, scorer, reporters);
        }
    }

    private EvaluationInfo runCreated(String id, NewEvaluation spec, DatasetVersionInfo dataset, ModelCall model,
            Supplier<Scorer> scorer, ReporterFactory reporters) {
        Scorer judge;
        try {
            judge = scorer.get();
        } catch (JudgeUnavailable e) {
            String reason = "judge " + spec.judgeTag() + " is unavailable: " + e.getMessage();
            catalog.failEvaluation(id, reason);
            throw new JudgeUnavailable("evaluation " + id + " failed: " + e.getMessage());
        } catch (RuntimeException e) {
            throw fail(id, "the judge " + spec.judgeTag() + " could not be prepared: " + e, e);
        }
        ConsoleReporter reporter = reporters.create(dataset.tag().name(), dataset.rowCount());
        InOrderWriter writer;
        try {
            writer = rows(id, dataset, new RowEvaluator(model, judge), spec.parallelism(), reporter);
        } catch (EvaluationFailed e) {
            reporter.abandon();
            throw e;
        }
        reporter.verdict(writer.failures(), writer.written());
        try {
            return catalog.completeEvaluation(id);
        } catch (RuntimeException e) {
            throw fail(id, "the evaluation could not be completed: " + e.getMessage(), e);
        }
    }

    private InOrderWriter rows(String id, DatasetVersionInfo dataset, RowEvaluator evaluator, int parallelism,
            ConsoleReporter reporter) {
        int window = parallelism * WINDOW_PER_THREAD;
        Semaphore permits = new Semaphore(window);
        InOrderWriter writer = new InOrderWriter(catalog, id, reporter, permits,
                Math.max(1, Math.min(MAX_BATCH, window / 2)));
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, threads());
        try {
            int from = 0;
            while (from < dataset.rowCount() && writer.failure() == null) {
                List<DatasetRowView> page = catalog.datasetRows(dataset.tag(), from, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                for (DatasetRowView row : page) {
                    permits.acquire();
                    if (writer.failure() != null) {
                        break;
                    }
                    pool.execute(() -> writer.complete(evaluator.evaluate(row)));
                }
                from = page.get(page.size() - 1).index() + 1;
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // rows still running: a slow model is waited for, as a caller of it would
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw fail(id, "interrupted while running rows", e);
        } catch (RejectedExecutionException | org.bighummingbird.core.BhbException e) {
            pool.shutdownNow();
            throw fail(id, "the dataset's rows could not be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            pool.shutdownNow();
            throw fail(id, "the evaluation broke: " + e, e);
        }
        writer.flush();
        if (writer.failure() != null) {
            throw fail(id, "rows could not be stored: " + writer.failure().getMessage(), writer.failure());
        }
        return writer;
    }

    private EvaluationFailed fail(String id, String reason, Throwable cause) {
        EvaluationFailed failed = new EvaluationFailed(id, "evaluation " + id + " failed: " + reason, cause);
        try {
            catalog.failEvaluation(id, reason);
        } catch (RuntimeException e) {
            failed.addSuppressed(e);
        }
        return failed;
    }

    private static ThreadFactory threads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "bhb-eval-" + pool + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Makes the reporter of an evaluation once its dataset is known. */
    @FunctionalInterface
    public interface ReporterFactory {
        ConsoleReporter create(String datasetName, int rows);
    }
}
