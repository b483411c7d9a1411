package org.bighummingbird.internal.trace;

/**
 * Epoch time from {@link System#nanoTime()}: one reading of the wall clock at start, then the
 * monotonic clock, so a traced call reads one clock, not two.
 */
final class WallClock {
    private final long baseEpochNanos;
    private final long baseNanoTime;

    WallClock() {
        java.time.Instant now = java.time.Instant.now();
        this.baseNanoTime = System.nanoTime();
        this.baseEpochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    long epochNanos(long nanoTime) {
        return baseEpochNanos + (nanoTime - baseNanoTime);
    }

    long epochMillis(long nanoTime) {
        return epochNanos(nanoTime) / 1_000_000L;
    }
}
