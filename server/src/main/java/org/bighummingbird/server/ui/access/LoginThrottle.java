package org.bighummingbird.server.ui.access;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.bighummingbird.store.LoginFailures;

/**
 * Counts failed logins per client address over a sliding minute and refuses an address that has
 * used up its allowance until the oldest of its last {@code limit} failures is a minute old. The
 * failures are kept in the store ({@link LoginFailures}), so every server on one PostgreSQL counts
 * the same failures: N servers allow an address its allowance once, not N times. Thread-safe.
 */
final class LoginThrottle {
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final LoginFailures failures;
    private final int limit;
    private final Supplier<Instant> clock;

    LoginThrottle(LoginFailures failures, int limit, Supplier<Instant> clock) {
        this.failures = failures;
        this.limit = limit;
        this.clock = clock;
    }

    /** Seconds until {@code address} may try again (rounded up), or 0 when it may now. */
    long retryAfterSeconds(String address) {
        Duration wait = failures.retryAfter(address, clock.get(), WINDOW, limit);
        if (wait.isZero()) {
            return 0;
        }
        return Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
    }

    /** Records a failed login of {@code address}. */
    void failed(String address) {
        failures.record(address, clock.get(), WINDOW);
    }
}
