package org.bighummingbird.sdk.internal.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import org.bighummingbird.sdk.spi.catalog.Catalog;
import org.bighummingbird.sdk.spi.catalog.EvaluationRowView;

/**
 * Takes rows as they finish, in any order, and releases them in index order: printed, batched and
 * written to the catalog. A row's window permit is released once its batch is written. After a write
 * fails, rows are dropped and their permits released, so the runner stops instead of waiting.
 * Thread-safe.
 */
final class InOrderWriter {
    private final Catalog catalog;
    private final String evaluationId;
    private final ConsoleReporter reporter;
    private final Semaphore permits;
    private final int batchSize;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Map<Integer, EvaluationRowView> waiting = new HashMap<>();
    private List<EvaluationRowView> batch = new ArrayList<>();
    private int next;
    private int failures;
    private volatile Throwable failure;

    InOrderWriter(Catalog catalog, String evaluationId, ConsoleReporter reporter, Semaphore permits, int batchSize) {
        this.catalog = catalog;
        this.evaluationId = evaluationId;
        this.reporter = reporter;
        this.permits = permits;
        this.batchSize = batchSize;
    }

    /** A finished row; writes a batch on this thread when one is full. */
    void complete(EvaluationRowView row) {
        List<EvaluationRowView> full = null;
        synchronized (this) {
            waiting.put(row.index(), row);
            EvaluationRowView r;
            while ((r = waiting.remove(next)) != null) {
                next++;
                if (r.isFailure()) {
                    failures++;
                }
                reporter.row(r);
                batch.add(r);
            }
            if (batch.size() >= batchSize) {
                full = batch;
                batch = new ArrayList<>();
            }
        }
        if (full != null) {
            write(full);
        }
    }

    /** Writes what is left; call once no row is running. */
    void flush() {
        List<EvaluationRowView> rest;
        synchronized (this) {
            rest = batch;
            batch = new ArrayList<>();
        }
        if (!rest.isEmpty()) {
            write(rest);
        }
    }

    private void write(List<EvaluationRowView> rows) {
        // one write at a time keeps the store's transactions short and rows arriving in order
        writeLock.lock();
        try {
            if (failure == null) {
                catalog.appendEvaluationRows(evaluationId, rows);
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            writeLock.unlock();
            permits.release(rows.size());
        }
    }

    /** The first write failure, or null. */
    Throwable failure() {
        return failure;
    }

    /** Rows released in order so far. */
    synchronized int written() {
        return next;
    }

    /** Released rows that failed: error rows and rows whose criterion said no. */
    synchronized int failures() {
        return failures;
    }
}
