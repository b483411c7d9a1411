package org.bighummingbird.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration 8 on a store with evaluations from before it, on SQLite and PostgreSQL: they and their
 * rows are kept, a running one's heartbeat starts at its creation (so a sweep abandons it once it is
 * old), and the rows still belong to their evaluation.
 */
class EvaluationMigrationTest {
    private static final String RUNNING = "01a23b2e-0000-7000-8000-000000000001";
    private static final String COMPLETE = "01a23b2e-0000-7000-8000-000000000002";

    @Test
    void evaluationsFromBeforeHeartbeatsAreKeptOnSqlite(@TempDir Path home) throws Exception {
        String url = "jdbc:sqlite:" + home.resolve(Store.DB_FILE);
        migratedKeepingEvaluations(url, () -> Store.openLocal(home));
    }

    @Test
    void evaluationsFromBeforeHeartbeatsAreKeptOnPostgres() throws Exception {
        try (ThrowawayPostgres database = new ThrowawayPostgres()) {
            migratedKeepingEvaluations(database.url(), () -> Store.open(database.url()));
        }
    }

    private static void migratedKeepingEvaluations(String url, Supplier<Store> open) throws Exception {
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("6").load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            for (String sql : List.of(
                    "INSERT INTO projects (id, workspace_id, name, created_at)"
                            + " VALUES ('p1', '00000000-0000-0000-0000-000000000000', 'Old Project', 1)",
                    "INSERT INTO datasets (id, project_id, name, created_at) VALUES ('d1', 'p1', 'faq', 1)",
                    "INSERT INTO dataset_versions (id, dataset_id, version, content_key, description, row_count,"
                            + " created_at) VALUES ('dv1', 'd1', 1, 'k', '', 2, 1)",
                    "INSERT INTO judges (id, project_id, name, created_at) VALUES ('j1', 'p1', 'judge', 1)",
                    "INSERT INTO judge_versions (id, judge_id, version, judge_key, kind, description, spec_json, code,"
                            + " metadata, created_at) VALUES ('jv1', 'j1', 1, 'k', 'regex', '', '{}', '', '{}', 1)",
                    "INSERT INTO evaluations (id, project_id, model_tag, dataset_version_id, judge_version_id, status,"
                            + " parallelism, created_at) VALUES ('" + RUNNING + "', 'p1', 'bot:v1', 'dv1', 'jv1',"
                            + " 'running', 4, 1000000)",
                    "INSERT INTO evaluations (id, project_id, model_tag, dataset_version_id, judge_version_id, status,"
                            + " parallelism, row_count, passed_count, failed_count, error_count, created_at,"
                            + " finished_at) VALUES ('" + COMPLETE + "', 'p1', 'bot:v1', 'dv1', 'jv1', 'complete', 4,"
                            + " 1, 1, 0, 0, 2000000, 3000000)",
                    "INSERT INTO evaluation_rows (evaluation_id, idx, input, output, score, passed, latency_ns)"
                            + " VALUES ('" + COMPLETE + "', 0, '\"q\"', '\"a\"', 1.0, TRUE, 5)")) {
                s.execute(sql);
            }
        }
        try (Store store = open.get()) {
            ProjectRef project = store.projects().find(Store.DEFAULT_WORKSPACE, "Old Project").orElseThrow();
            EvaluationInfo running = store.evaluations().find(project, RUNNING).orElseThrow();
            EvaluationInfo complete = store.evaluations().find(project, COMPLETE).orElseThrow();
            assertThat(running.heartbeatAtMicros()).isEqualTo(1_000_000L);
            assertThat(complete.heartbeatAtMicros()).isEqualTo(3_000_000L);
            assertThat(complete.rows()).isEqualTo(1);
            assertThat(store.evaluations().rows(project, COMPLETE, 0, 10)).singleElement()
                    .satisfies(r -> assertThat(r.score()).isEqualTo(1.0));

            assertThat(store.evaluations().abandonSilent(Instant.now(), Duration.ofMinutes(2))).isEqualTo(1);
            assertThat(store.evaluations().find(project, RUNNING).orElseThrow().status()).isEqualTo(EvaluationInfo.ABANDONED);
            assertThat(store.evaluations().find(project, COMPLETE).orElseThrow().status()).isEqualTo(EvaluationInfo.COMPLETE);
        }
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            // the rows' foreign key names the rebuilt table: a row of no evaluation is refused
            if (url.startsWith("jdbc:sqlite:")) {
                s.execute("PRAGMA foreign_keys = ON");
            }
            assertThatThrownBy(() -> s.execute("INSERT INTO evaluation_rows (evaluation_id, idx, input, latency_ns)"
                    + " VALUES ('nope', 0, '1', 1)")).isInstanceOf(java.sql.SQLException.class);
            assertThat(Migrations.isCurrent(c)).isTrue();
        }
    }
}
