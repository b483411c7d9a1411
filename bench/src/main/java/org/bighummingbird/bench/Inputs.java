package org.bighummingbird.bench;

/**
 * Non-constant model inputs: a ring of pre-boxed integers outside the {@code Integer} cache, so the
 * JIT cannot fold the call and no variant pays for boxing in the measured path. Counts the calls it
 * fed. Not thread-safe: one per benchmark thread.
 */
final class Inputs {
    private static final int MASK = 1023;
    private final Integer[] values = new Integer[MASK + 1];
    private long calls;
    private long callsAtMark;

    Inputs() {
        for (int i = 0; i < values.length; i++) {
            values[i] = 1_000 + i;
        }
    }

    /** The next first input; advances the ring. */
    Integer a() {
        return values[(int) (calls++ & MASK)];
    }

    /** The next second input, a different value than {@link #a()}'s. */
    Integer b() {
        return values[(int) ((calls * 7) & MASK)];
    }

    /** Calls fed since the previous call of this method (or the start), for per-iteration reports. */
    long callsSinceMark() {
        long n = calls - callsAtMark;
        callsAtMark = calls;
        return n;
    }
}
