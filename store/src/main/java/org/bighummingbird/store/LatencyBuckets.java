package org.bighummingbird.store;

import java.util.Arrays;

/**
 * The fixed log-scale buckets of the per-version latency histograms: bucket 0 is [0, 1 µs), bucket
 * {@code i >= 1} starts at {@code round(1000 · 2^((i − 1) / 8))} ns, eight buckets per doubling
 * (each about 9 % wide), and the last one is open-ended (about 18 minutes and above). Migration V10
 * writes the same bounds into the {@code latency_buckets} table for its backfill. Immutable.
 */
public final class LatencyBuckets {
    /** How many buckets there are. */
    public static final int COUNT = 242;
    private static final long[] LOWER = new long[COUNT];

    static {
        for (int i = 1; i < COUNT; i++) {
            LOWER[i] = (long) Math.floor(1000 * Math.pow(2, (i - 1) / 8.0) + 0.5);
        }
    }

    private LatencyBuckets() {}

    /** The bucket holding a latency; a negative latency (a clock step) counts in bucket 0. */
    public static int bucketOf(long latencyNs) {
        if (latencyNs <= 0) {
            return 0;
        }
        int at = Arrays.binarySearch(LOWER, latencyNs);
        return at >= 0 ? at : -at - 2;
    }

    /** The smallest latency in bucket {@code i}, in nanoseconds. */
    public static long lowerNs(int bucket) {
        return LOWER[bucket];
    }

    /** The first latency above bucket {@code i}; {@link Long#MAX_VALUE} for the last bucket. */
    public static long upperNs(int bucket) {
        return bucket + 1 < COUNT ? LOWER[bucket + 1] : Long.MAX_VALUE;
    }
}
