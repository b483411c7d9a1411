package org.bighummingbird.sdk.internal.export;

import java.time.Duration;
import java.util.Objects;

/**
 * Exporter settings.
 *
 * @param queueCapacity runs held in memory before the hot path drops (and counts) them
 * @param batchSize most runs per sink write
 * @param closeTimeout how long close() keeps delivering before leaving the rest in the spool
 * @param maxSpoolBytes disk budget of the spool directory
 * @param retryBackoff first wait after the sink failed; doubles up to {@code maxRetryBackoff}
 * @param maxRetryBackoff longest wait between attempts on a sink that is away
 * @param maxQueueBytes estimated memory the queued runs may hold (their snapshots, and arrays held to
 *     be hashed) before the hot path drops (and counts) them; a run larger than this alone is let in
 *     when the queue holds nothing else
 * @param snapshotLimits how much of each run's inputs and output the calling thread records
 */
public record ExporterOptions(int queueCapacity, int batchSize, Duration closeTimeout, long maxSpoolBytes,
        Duration retryBackoff, Duration maxRetryBackoff, long maxQueueBytes, SnapshotLimits snapshotLimits) {
    /** The default memory budget of the queue: 256 MiB. */
    public static final long DEFAULT_MAX_QUEUE_BYTES = 256L << 20;

    /**
     * The defaults: 131,072 runs and 256 MiB, batches of 2,048, 30 s on close, a 1 GiB spool, 100 ms
     * to 5 s backoff, {@link SnapshotLimits#defaults()}.
     */
    public static ExporterOptions defaults() {
        return new ExporterOptions(131_072, 2_048, Duration.ofSeconds(30), 1L << 30, Duration.ofMillis(100),
                Duration.ofSeconds(5));
    }

    /** Settings with the default queue memory budget and snapshot limits. */
    public ExporterOptions(int queueCapacity, int batchSize, Duration closeTimeout, long maxSpoolBytes,
            Duration retryBackoff, Duration maxRetryBackoff) {
        this(queueCapacity, batchSize, closeTimeout, maxSpoolBytes, retryBackoff, maxRetryBackoff,
                DEFAULT_MAX_QUEUE_BYTES, SnapshotLimits.defaults());
    }

    /** Validates every setting, naming it. */
    public ExporterOptions {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be positive, got " + queueCapacity);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
        if (closeTimeout.isNegative()) {
            throw new IllegalArgumentException("closeTimeout must not be negative, got " + closeTimeout);
        }
        if (maxSpoolBytes < 0) {
            throw new IllegalArgumentException("maxSpoolBytes must not be negative, got " + maxSpoolBytes);
        }
        if (maxQueueBytes < 1) {
            throw new IllegalArgumentException("maxQueueBytes must be positive, got " + maxQueueBytes);
        }
        Objects.requireNonNull(snapshotLimits, "snapshotLimits");
    }
}
