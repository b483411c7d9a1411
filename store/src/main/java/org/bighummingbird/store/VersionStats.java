package org.bighummingbird.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bighummingbird.core.RunRecord;

/**
 * Rolls the runs a batch inserted up into {@code version_stats} and {@code version_latency}
 * (migration V10), inside the batch's transaction. Upserts add to what is stored, so concurrent
 * writers on PostgreSQL each add their own runs; rows are written in key order, so two writers
 * never wait on each other's rows in opposite orders (no deadlock).
 */
final class VersionStats {
    private final String upsertStats;
    private static final String UPSERT_BUCKET = "INSERT INTO version_latency (model_version_id, bucket, run_count)"
            + " VALUES (?, ?, ?) ON CONFLICT (model_version_id, bucket)"
            + " DO UPDATE SET run_count = version_latency.run_count + excluded.run_count";

    VersionStats(Dialect dialect) {
        String least = dialect == Dialect.POSTGRES ? "LEAST" : "MIN";
        String greatest = dialect == Dialect.POSTGRES ? "GREATEST" : "MAX";
        this.upsertStats = "INSERT INTO version_stats (model_version_id, run_count, error_count, latency_sum_ns,"
                + " first_started_at, last_started_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (model_version_id)"
                + " DO UPDATE SET run_count = version_stats.run_count + excluded.run_count,"
                + " error_count = version_stats.error_count + excluded.error_count,"
                + " latency_sum_ns = version_stats.latency_sum_ns + excluded.latency_sum_ns,"
                + " first_started_at = " + least + "(version_stats.first_started_at, excluded.first_started_at),"
                + " last_started_at = " + greatest + "(version_stats.last_started_at, excluded.last_started_at)";
    }

    /** Adds the runs with {@code inserted[i]} to their versions' rollups; {@code versionIds[i]} is run i's version. */
    void add(Connection c, List<RunRecord> runs, String[] versionIds, boolean[] inserted) throws SQLException {
        Map<String, Rollup> byVersion = new TreeMap<>();
        for (int i = 0; i < runs.size(); i++) {
            if (inserted[i]) {
                byVersion.computeIfAbsent(versionIds[i], id -> new Rollup()).add(runs.get(i));
            }
        }
        if (byVersion.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(upsertStats)) {
            for (Map.Entry<String, Rollup> e : byVersion.entrySet()) {
                Rollup r = e.getValue();
                ps.setString(1, e.getKey());
                ps.setLong(2, r.runs);
                ps.setLong(3, r.errors);
                ps.setLong(4, r.latencySum);
                ps.setLong(5, r.first);
                ps.setLong(6, r.last);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(UPSERT_BUCKET)) {
            for (Map.Entry<String, Rollup> e : byVersion.entrySet()) {
                for (Map.Entry<Integer, long[]> bucket : e.getValue().buckets.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setInt(2, bucket.getKey());
                    ps.setLong(3, bucket.getValue()[0]);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** One version's share of a batch. */
    private static final class Rollup {
        long runs;
        long errors;
        long latencySum;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        final Map<Integer, long[]> buckets = new TreeMap<>();

        void add(RunRecord run) {
            runs++;
            errors += run.errorType() != null ? 1 : 0;
            latencySum += run.latencyNs();
            first = Math.min(first, run.startedAtMicros());
            last = Math.max(last, run.startedAtMicros());
            buckets.computeIfAbsent(LatencyBuckets.bucketOf(run.latencyNs()), b -> new long[1])[0]++;
        }
    }
}
