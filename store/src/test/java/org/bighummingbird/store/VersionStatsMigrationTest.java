package org.bighummingbird.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.function.Function;
import org.bighummingbird.core.Tag;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration V10 rolls up the runs a store held before it, the same as ingest would have. */
class VersionStatsMigrationTest {
    private static final int RUNS = 1_500;

    @Test
    void sqliteStoreWithRunsIsBackfilled(@TempDir Path home) throws Exception {
        String url = "jdbc:sqlite:" + home.resolve(Store.DB_FILE);
        seedAtVersion8(url);
        try (Store store = Store.openLocal(home)) {
            check(store);
        }
    }

    @Test
    void postgresStoreWithRunsIsBackfilled() throws Exception {
        try (ThrowawayPostgres database = new ThrowawayPostgres()) {
            seedAtVersion8(database.url());
            try (Store store = Store.open(database.url())) {
                check(store);
            }
        }
    }

    /** Latency of run i: spread from 0 ns to minutes; every seventh run threw. */
    private static final Function<Integer, Long> LATENCY = i -> i == 0 ? 0L : (long) Math.pow(1.02, i) * 37;

    private static void seedAtVersion8(String url) throws Exception {
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("8").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO projects (id, workspace_id, name, created_at)"
                    + " VALUES ('p1', '00000000-0000-0000-0000-000000000000', 'Old Project', 1)");
            s.execute("INSERT INTO models (id, project_id, name, created_at) VALUES ('m1', 'p1', 'bot', 1)");
            s.execute("INSERT INTO model_versions (id, model_id, version, version_key, code_fingerprint, signature,"
                    + " code, code_kind, metadata, created_at) VALUES ('v1', 'm1', 1, 'k', 'f', '{}', 'x', 'source',"
                    + " '{}', 1)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs (project_id, id, model_version_id,"
                    + " started_at, latency_ns, thread, inputs, error_type) VALUES ('p1', ?, 'v1', ?, ?, 'main', '{}', ?)")) {
                for (int i = 0; i < RUNS; i++) {
                    ps.setString(1, "run-" + i);
                    ps.setLong(2, 10_000 + i);
                    ps.setLong(3, LATENCY.apply(i));
                    ps.setString(4, i % 7 == 0 ? "E" : null);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private static void check(Store store) {
        ProjectRef project = store.projects().find(Store.DEFAULT_WORKSPACE, "Old Project").orElseThrow();
        VersionRollup v1 = store.dashboard().version(project, new Tag("bot", 1)).orElseThrow();
        assertThat(v1.runs()).isEqualTo(RUNS);
        assertThat(v1.errors()).isEqualTo((RUNS + 6) / 7);
        assertThat(v1.lastRunAtMicros()).isEqualTo(10_000 + RUNS - 1);
        long sum = 0;
        long[] expected = new long[LatencyBuckets.COUNT];
        for (int i = 0; i < RUNS; i++) {
            sum += LATENCY.apply(i);
            expected[LatencyBuckets.bucketOf(LATENCY.apply(i))]++;
        }
        assertThat(v1.latencySumNs()).isEqualTo(sum);
        for (int b = 0; b < LatencyBuckets.COUNT; b++) {
            assertThat(v1.latency().count(b)).as("bucket %d", b).isEqualTo(expected[b]);
        }
        // Runs stored after the upgrade add to the backfilled figures.
        store.models().register(project, StoreContract.reg("bot", "new code"));
        assertThat(store.dashboard().models(project)).singleElement()
                .satisfies(m -> assertThat(m.runs()).isEqualTo(RUNS));
    }
}
