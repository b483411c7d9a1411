package org.bighummingbird.store;

import org.bighummingbird.core.Tag;

/**
 * A model version's figures, rolled up at ingest (migration V10) and read without scanning runs.
 *
 * @param tag the version
 * @param createdAtMicros when the store first saw it
 * @param runs how many runs it has
 * @param errors how many of them threw
 * @param latencySumNs the sum of their latencies
 * @param lastRunAtMicros the start of its newest run, or null without runs
 * @param latency its runs' latency histogram
 * @param evaluations how many complete evaluations it has
 * @param meanEvaluationScore the mean of those evaluations' mean scores, or null without any
 */
public record VersionRollup(Tag tag, long createdAtMicros, long runs, long errors, long latencySumNs,
        Long lastRunAtMicros, LatencyHistogram latency, int evaluations, Double meanEvaluationScore) {
    /** {@code errors / runs}, 0 without runs. */
    public double errorRate() {
        return runs == 0 ? 0 : (double) errors / runs;
    }

    /** The median latency to within one histogram bucket, or null without runs. */
    public Long p50Ns() {
        return latency.percentileNs(0.5);
    }

    /** The 95th percentile latency to within one histogram bucket, or null without runs. */
    public Long p95Ns() {
        return latency.percentileNs(0.95);
    }

    /** The mean latency, or null without runs. */
    public Long meanNs() {
        return runs == 0 ? null : latencySumNs / runs;
    }
}
