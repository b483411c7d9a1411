package org.bighummingbird.sdk.internal.export;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * When to try a sink that failed again: after an exponential backoff (from {@code retryBackoff},
 * doubling up to {@code maxRetryBackoff}), or no earlier than the sink asked ({@code Retry-After},
 * honoured up to {@link #MAX_RETRY_AFTER}). Exporter thread only; not thread-safe.
 */
final class RetryClock {
    /** The longest a sink's own {@code Retry-After} may keep the exporter waiting. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    private final long initialNanos;
    private final long maxNanos;
    private boolean down;
    private long backoffNanos;
    private long retryAtNanos;

    RetryClock(Duration retryBackoff, Duration maxRetryBackoff) {
        this.initialNanos = retryBackoff.toNanos();
        this.maxNanos = Math.max(initialNanos, maxRetryBackoff.toNanos());
    }

    /** Whether the sink may be tried now: it is not known to be away, or its wait is over. */
    boolean usable() {
        return !down || System.nanoTime() - retryAtNanos >= 0;
    }

    /** Milliseconds until the sink may be tried again, at least 1. */
    long millisUntilRetry() {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(retryAtNanos - System.nanoTime()) + 1);
    }

    /**
     * Records a failure and sets the next attempt.
     *
     * @param retryAfter how long the sink asked to wait, or null
     * @return whether the sink was up until now
     */
    boolean failed(Duration retryAfter) {
        backoffNanos = backoffNanos == 0 ? initialNanos : Math.min(backoffNanos * 2, maxNanos);
        long wait = backoffNanos;
        if (retryAfter != null) {
            wait = Math.max(wait, Math.min(retryAfter.toNanos(), MAX_RETRY_AFTER.toNanos()));
        }
        retryAtNanos = System.nanoTime() + wait;
        boolean wasUp = !down;
        down = true;
        return wasUp;
    }

    /**
     * Records a success.
     *
     * @return whether the sink was away until now
     */
    boolean succeeded() {
        boolean wasDown = down;
        down = false;
        backoffNanos = 0;
        return wasDown;
    }
}
