package org.bighummingbird.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bighummingbird.core.Hashing;
import org.bighummingbird.core.RunIds;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-version rollups of migration V10: kept at ingest, exact for counts, within one bucket for
 * percentiles, never double counting a re-sent run, right under concurrent writers, and backfilled
 * for stores that had runs before V10. Subclasses pick the database.
 */
abstract class VersionStatsContract {
    Store store;
    ProjectRef project;

    /** A new, empty store. */
    abstract Store openFresh() throws Exception;

    /** The JDBC URL of that store. */
    abstract String url();

    @BeforeEach
    void open() throws Exception {
        store = openFresh();
        project = store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Stats Project");
        store.models().register(project, StoreContract.reg("bot", "a"));
        store.models().register(project, StoreContract.reg("bot", "b"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static RunRecord run(String code, long latencyNs, boolean error, long startedAt) {
        return new RunRecord(RunIds.next().toString(), "bot", Hashing.sha256Hex(code), null, null, startedAt, latencyNs,
                "main", "{}", error ? null : "1", null, error ? "java.lang.IllegalStateException" : null,
                error ? "boom" : null, error ? "trace" : null);
    }

    /** Latencies spread over five orders of magnitude, a tenth of the runs errors. */
    static List<RunRecord> runs(String code, int n, long seed) {
        Random random = new Random(seed);
        List<RunRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long latency = (long) Math.pow(10, 3 + random.nextDouble() * 5);
            out.add(run(code, latency, random.nextInt(10) == 0, 1_000_000L + i));
        }
        return out;
    }

    @Test
    void countsAndPercentilesMatchADirectComputation() {
        List<RunRecord> runs = runs("a", 2_345, 7);
        for (int from = 0; from < runs.size(); from += 500) {
            store.runs().insert(project, runs.subList(from, Math.min(runs.size(), from + 500)));
        }
        VersionRollup v1 = store.dashboard().version(project, new Tag("bot", 1)).orElseThrow();
        assertThat(v1.runs()).isEqualTo(runs.size());
        assertThat(v1.errors()).isEqualTo(runs.stream().filter(r -> r.errorType() != null).count());
        assertThat(v1.latencySumNs()).isEqualTo(runs.stream().mapToLong(RunRecord::latencyNs).sum());
        assertThat(v1.lastRunAtMicros()).isEqualTo(1_000_000L + runs.size() - 1);
        long[] sorted = runs.stream().mapToLong(RunRecord::latencyNs).sorted().toArray();
        for (double p : new double[] {0.5, 0.95, 0.99}) {
            long exact = sorted[(int) Math.ceil(p * sorted.length) - 1];
            assertThat(LatencyBuckets.bucketOf(v1.latency().percentileNs(p)))
                    .as("p%s estimate in the bucket of the exact value %d", p, exact)
                    .isEqualTo(LatencyBuckets.bucketOf(exact));
            assertThat(v1.latency().percentileBucket(p)).isEqualTo(LatencyBuckets.bucketOf(exact));
        }
        assertThat(store.dashboard().version(project, new Tag("bot", 2)).orElseThrow().runs()).isZero();
        assertThat(store.dashboard().version(project, new Tag("bot", 2)).orElseThrow().p50Ns()).isNull();
    }

    @Test
    void reSentRunsAreNotCountedTwice() {
        List<RunRecord> runs = runs("a", 300, 1);
        store.runs().insert(project, runs);
        store.runs().insert(project, runs);
        List<RunRecord> overlapping = new ArrayList<>(runs.subList(200, 300));
        overlapping.addAll(runs("a", 50, 2));
        overlapping.add(overlapping.get(overlapping.size() - 1)); // the same run twice in one batch
        assertThat(store.runs().insert(project, overlapping)).isEqualTo(50);
        VersionRollup v1 = store.dashboard().version(project, new Tag("bot", 1)).orElseThrow();
        assertThat(v1.runs()).isEqualTo(350);
        assertThat(v1.latency().total()).isEqualTo(350);
        assertThat(v1.runs()).isEqualTo(store.runs().count(project));
    }

    @Test
    void concurrentWritersAddUp() throws Exception {
        List<List<RunRecord>> batches = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            batches.add(runs(i % 2 == 0 ? "a" : "b", 200, 100 + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (List<RunRecord> batch : batches) {
                done.add(pool.submit(() -> store.runs().insert(project, batch)));
                done.add(pool.submit(() -> store.runs().insert(project, batch))); // a racing retry
            }
            for (Future<Integer> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (int version = 1; version <= 2; version++) {
            VersionRollup rollup = store.dashboard().version(project, new Tag("bot", version)).orElseThrow();
            assertThat(rollup.runs()).isEqualTo(8 * 200);
            assertThat(rollup.latency().total()).isEqualTo(8 * 200);
            int parity = version - 1;
            long errors = 0;
            for (int i = parity; i < batches.size(); i += 2) {
                errors += batches.get(i).stream().filter(r -> r.errorType() != null).count();
            }
            assertThat(rollup.errors()).isEqualTo(errors);
        }
    }

    @Test
    void theBucketTableMatchesTheJavaBounds() throws Exception {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT bucket, lower_ns FROM latency_buckets ORDER BY bucket")) {
            List<Long> lower = new ArrayList<>();
            while (rs.next()) {
                assertThat(rs.getInt(1)).isEqualTo(lower.size());
                lower.add(rs.getLong(2));
            }
            long[] java = new long[LatencyBuckets.COUNT];
            Arrays.setAll(java, LatencyBuckets::lowerNs);
            assertThat(lower).containsExactly(Arrays.stream(java).boxed().toArray(Long[]::new));
        }
        assertThat(LatencyBuckets.bucketOf(0)).isZero();
        assertThat(LatencyBuckets.bucketOf(-5)).isZero();
        assertThat(LatencyBuckets.bucketOf(999)).isZero();
        assertThat(LatencyBuckets.bucketOf(1000)).isEqualTo(1);
        assertThat(LatencyBuckets.bucketOf(Long.MAX_VALUE)).isEqualTo(LatencyBuckets.COUNT - 1);
    }
}
