package org.bighummingbird.sdk.internal.export;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bighummingbird.core.Backoff;

/**
 * When to try a sink that failed again, without blocking: after the {@link Backoff} of the
 * failures in a row (from {@code retryBackoff}, doubling up to {@code maxRetryBackoff}), or no
 * earlier than the sink asked ({@code Retry-After}, honoured up to {@link #MAX_RETRY_AFTER}).
 * Exporter thread only; not thread-safe.
 */
final class RetryClock {
    /** The longest a sink's own {@code Retry-After} may keep the exporter waiting. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    private final Backoff backoff;
    private boolean down;
    private int failures;
    private long retryAtNanos;

    RetryClock(Duration retryBackoff, Duration maxRetryBackoff) {
        this.backoff = Backoff.of(retryBackoff, maxRetryBackoff, MAX_RETRY_AFTER);
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
        // a long outage stops counting where the backoff stopped growing long ago
        failures = failures == Integer.MAX_VALUE ? failures : failures + 1;
        retryAtNanos = System.nanoTime() + backoff.wait(failures, Optional.ofNullable(retryAfter)).toNanos();
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
        failures = 0;
        return wasDown;
    }
}
