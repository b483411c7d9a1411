package org.bighummingbird.sdk.spi;

import java.time.Duration;
import java.util.Optional;
import org.bighummingbird.core.BhbException;

/**
 * A {@link RunSink} cannot take data now but may later: the server is unreachable, timed out, or
 * answered 429, 502, 503 or 504. The exporter keeps the data (in memory or in the disk spool) and
 * tries again: not before {@link #retryAfter()} when the sink knows it (capped at 5 minutes), else
 * after its own growing backoff. Immutable.
 */
public final class SinkUnavailable extends BhbException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * @param message what is away and why, as in {@code the server at http://… is unreachable:
     *     Connection refused}
     * @param retryAfter how long the sink asked to be left alone (an HTTP {@code Retry-After}), or null
     * @param cause the underlying failure, or null
     */
    public SinkUnavailable(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative, got " + retryAfter);
        }
        this.retryAfter = retryAfter;
    }

    /** How long the sink asked the exporter to wait before the next attempt, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
