package org.bighummingbird.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Failed dashboard logins per client address, kept in the database (migration V15) so that every
 * server on one PostgreSQL throttles an address against the same count: {@link Store#loginFailures()}.
 * Times are the servers' wall clock. Thread-safe.
 */
public final class LoginFailures {
    /** Addresses longer than this are cut to it before they are stored or looked up. */
    public static final int MAX_ADDRESS_LENGTH = 64;

    private final Database db;
    private final StoreCalls calls;

    LoginFailures(Database db, StoreCalls calls) {
        this.db = db;
        this.calls = calls;
    }

    /**
     * Records a failed login of {@code address} at {@code now}, and deletes every address's failures
     * older than {@code window}, so the table holds at most a window of failures.
     *
     * @throws StoreUnavailable when the database cannot be reached
     */
    public void record(String address, Instant now, Duration window) {
        long at = micros(now);
        long since = at - requireWindow(window);
        String key = key(address);
        calls.call(() -> db.transaction(c -> {
            try (PreparedStatement purge = c.prepareStatement("DELETE FROM login_failures WHERE failed_at <= ?");
                    PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO login_failures (address, failed_at) VALUES (?, ?)")) {
                purge.setLong(1, since);
                purge.executeUpdate();
                insert.setString(1, key);
                insert.setLong(2, at);
                insert.executeUpdate();
            }
            return null;
        }));
    }

    /**
     * How long until {@code address} may try again: zero while it has fewer than {@code limit}
     * failures in the {@code window} before {@code now}, else until the oldest of its {@code limit}
     * newest failures is {@code window} old. Reads at most {@code limit} rows, by index.
     *
     * @throws IllegalArgumentException when {@code limit} is not positive
     * @throws StoreUnavailable when the database cannot be reached
     */
    public Duration retryAfter(String address, Instant now, Duration window, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        long at = micros(now);
        long windowMicros = requireWindow(window);
        String key = key(address);
        return calls.call(() -> db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT failed_at FROM login_failures"
                    + " WHERE address = ? AND failed_at > ? ORDER BY failed_at DESC LIMIT ?")) {
                ps.setString(1, key);
                ps.setLong(2, at - windowMicros);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    int n = 0;
                    long oldest = 0;
                    while (rs.next()) {
                        n++;
                        oldest = rs.getLong(1);
                    }
                    if (n < limit) {
                        return Duration.ZERO;
                    }
                    return Duration.ofNanos(Math.max(0, oldest + windowMicros - at) * 1_000L);
                }
            }
        }));
    }

    private static String key(String address) {
        Objects.requireNonNull(address, "address");
        return address.length() > MAX_ADDRESS_LENGTH ? address.substring(0, MAX_ADDRESS_LENGTH) : address;
    }

    private static long requireWindow(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        return window.toNanos() / 1_000;
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}
