package org.bighummingbird.core;

/**
 * The range of a run's times that the server stores: a start from 1970-01-01T00:00:00Z to
 * 9999-12-31T23:59:59.999999Z (so that every start prints as an RFC 3339 {@code date-time} with a
 * four-digit year, and reads back with the same parser), and a latency of 0 to just under one day.
 */
public final class RunBounds {
    /** The earliest start: 1970-01-01T00:00:00Z, in microseconds since the epoch. */
    public static final long MIN_STARTED_AT_MICROS = 0L;
    /** The latest start: 9999-12-31T23:59:59.999999Z, in microseconds since the epoch. */
    public static final long MAX_STARTED_AT_MICROS = 253_402_300_799_999_999L;
    /** The longest latency: one day less one nanosecond. */
    public static final long MAX_LATENCY_NS = 86_400_000_000_000L - 1;

    private RunBounds() {}

    /** Whether a start, in microseconds since the epoch, is within year 1970 to 9999. */
    public static boolean startedAtInRange(long startedAtMicros) {
        return startedAtMicros >= MIN_STARTED_AT_MICROS && startedAtMicros <= MAX_STARTED_AT_MICROS;
    }

    /** Whether a latency, in nanoseconds, is 0 or more and below one day. */
    public static boolean latencyInRange(long latencyNs) {
        return latencyNs >= 0 && latencyNs <= MAX_LATENCY_NS;
    }
}
