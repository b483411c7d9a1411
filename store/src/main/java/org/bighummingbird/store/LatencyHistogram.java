package org.bighummingbird.store;

import java.util.Arrays;

/**
 * The latencies of a model version's runs, counted per {@link LatencyBuckets} bucket. Percentiles
 * come from it to within one bucket (about 9 %). Immutable.
 */
public final class LatencyHistogram {
    private final long[] counts;
    private final long total;

    private LatencyHistogram(long[] counts) {
        this.counts = counts;
        this.total = Arrays.stream(counts).sum();
    }

    /** A histogram from one count per bucket ({@link LatencyBuckets#COUNT} values, none negative). */
    public static LatencyHistogram of(long[] counts) {
        if (counts.length != LatencyBuckets.COUNT) {
            throw new IllegalArgumentException("counts must have " + LatencyBuckets.COUNT + " buckets, got "
                    + counts.length);
        }
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("counts must not be negative, got " + c);
            }
        }
        return new LatencyHistogram(counts.clone());
    }

    /** An empty histogram. */
    public static LatencyHistogram empty() {
        return new LatencyHistogram(new long[LatencyBuckets.COUNT]);
    }

    /** How many latencies it counts. */
    public long total() {
        return total;
    }

    /** How many latencies fell in bucket {@code i}. */
    public long count(int bucket) {
        return counts[bucket];
    }

    /**
     * The bucket holding the nearest-rank {@code p} quantile (rank {@code ceil(p · total)}), or -1
     * when the histogram is empty.
     *
     * @param p from 0 (exclusive) to 1
     */
    public int percentileBucket(double p) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in (0, 1], got " + p);
        }
        if (total == 0) {
            return -1;
        }
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return i;
            }
        }
        return counts.length - 1;
    }

    /**
     * An estimate of the nearest-rank {@code p} quantile in nanoseconds: interpolated by rank inside
     * its bucket, so it lies in the same bucket as the exact value. Null when empty.
     */
    public Long percentileNs(double p) {
        int bucket = percentileBucket(p);
        if (bucket < 0) {
            return null;
        }
        long lower = LatencyBuckets.lowerNs(bucket);
        long upper = LatencyBuckets.upperNs(bucket);
        if (upper == Long.MAX_VALUE) {
            return lower;
        }
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long before = 0;
        for (int i = 0; i < bucket; i++) {
            before += counts[i];
        }
        double within = (rank - before - 0.5) / counts[bucket];
        return lower + (long) Math.floor((upper - lower) * within);
    }

    /** The index of the first and the last bucket that count anything, or {@code [-1, -1]} when empty. */
    public int[] usedRange() {
        int first = -1;
        int last = -1;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        return new int[] {first, last};
    }
}
