package org.bighummingbird.sdk.internal.capsule;

import java.io.Serializable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bighummingbird.sdk.internal.export.PendingVersion;
import org.bighummingbird.sdk.internal.fingerprint.AppCode;
import org.bighummingbird.sdk.spi.catalog.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures and stores the capsule of each new version once its tag is known, on a background thread
 * of its own: never on the caller's thread, nor on the exporter's. A failure is logged once and
 * leaves the version tracked as before. Thread-safe.
 */
public final class CapsuleKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(CapsuleKeeper.class);

    private final Catalog catalog;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bhb-capsules");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean warned = new AtomicBoolean();

    /** Stores capsules in {@code catalog}. */
    public CapsuleKeeper(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Captures {@code fn}'s capsule once {@code version} is registered, and stores it. */
    public void keep(PendingVersion version, Serializable fn, AppCode code) {
        version.tag().thenAccept(tag -> {
            try {
                worker.execute(() -> {
                    try {
                        CapsuleCapture.Captured c = CapsuleCapture.capture(fn, code);
                        catalog.storeCapsule(tag, c.capsule(), c.classFiles());
                    } catch (UnsupportedOperationException e) {
                        LOG.debug("no capsule stored for {}: {}", tag, e.getMessage());
                    } catch (RuntimeException e) {
                        if (warned.compareAndSet(false, true)) {
                            LOG.warn("BigHummingbird could not store the capsule of {}; it cannot be loaded later", tag, e);
                        }
                    }
                });
            } catch (RejectedExecutionException e) {
                LOG.debug("closed: no capsule stored for {}", tag);
            }
        });
    }

    /** Stores the capsules asked for so far, waiting until {@code deadlineNanos} (of {@link System#nanoTime()}). */
    public void closeBy(long deadlineNanos) {
        worker.shutdown();
        try {
            worker.awaitTermination(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
