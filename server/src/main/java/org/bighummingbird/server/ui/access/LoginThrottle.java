package org.bighummingbird.server.ui.access;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Counts failed logins per client address over a sliding minute and refuses an address that has
 * used up its allowance until its oldest failure is a minute old. Remembers at most
 * {@link #MAX_ADDRESSES} addresses (the least recently failing are forgotten first), so a flood
 * of addresses cannot exhaust memory. In-process: N servers allow N times the limit. Thread-safe.
 */
final class LoginThrottle {
    static final int MAX_ADDRESSES = 10_000;
    private static final long WINDOW_NANOS = 60_000_000_000L;

    private final int limit;
    private final LongSupplier nanoTime;
    private final Map<String, Deque<Long>> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    LoginThrottle(int limit, LongSupplier nanoTime) {
        this.limit = limit;
        this.nanoTime = nanoTime;
    }

    /** Seconds until {@code address} may try again, or 0 when it may now. */
    synchronized long retryAfterSeconds(String address) {
        Deque<Long> times = failures.get(address);
        if (times == null) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        while (!times.isEmpty() && now - times.peekFirst() >= WINDOW_NANOS) {
            times.pollFirst();
        }
        if (times.size() < limit) {
            return 0;
        }
        long waitNanos = WINDOW_NANOS - (now - times.peekFirst());
        return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }

    /** Records a failed login of {@code address}. */
    synchronized void failed(String address) {
        Deque<Long> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        times.addLast(nanoTime.getAsLong());
        while (times.size() > limit) {
            times.pollFirst();
        }
    }
}
