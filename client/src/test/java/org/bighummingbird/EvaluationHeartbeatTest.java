package org.bighummingbird;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bighummingbird.store.EvaluationInfo;
import org.bighummingbird.store.EvaluationStore;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running evaluation's heartbeat on the embedded store: a row that outlasts the silence does not
 * get a living evaluation abandoned, and reading one whose process went silent long ago marks it
 * {@code ABANDONED}.
 */
class EvaluationHeartbeatTest {
    private static final String PROJECT = "Heartbeat Project";
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @TempDir
    Path home;

    private PrintStream originalOut;

    @BeforeEach
    void quiet() {
        originalOut = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
    }

    static String held(String q) {
        try {
            if (!RELEASE.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return q;
    }

    @Test
    void aRowOutlastingTheSilenceKeepsBeatingAndIsNotAbandoned() throws Exception {
        try (var bhb = BigHummingbird.local(PROJECT, home); Store reader = Store.openLocal(home)) {
            String ds = bhb.uploadDataset(Dataset.of("held", "", List.of("a")));
            String judge = bhb.addJudge(Judge.of("one", "", (Object out) -> 1.0));
            var model = bhb.trace("held model", (String q) -> held(q));
            CompletableFuture<Evaluation> running = CompletableFuture.supplyAsync(() -> bhb.evaluate(model, judge, ds,
                    EvaluationOptions.builder().heartbeatInterval(Duration.ofMillis(5)).build()));
            ProjectRef project = reader.projects().find(Store.DEFAULT_WORKSPACE, PROJECT).orElseThrow();

            EvaluationInfo beaten = awaitHeartbeat(reader, project);
            Instant silentSinceCreation = micros(beaten.createdAtMicros()).plus(EvaluationStore.DEFAULT_SILENCE)
                    .plusNanos(1_000);
            assertThat(reader.evaluations().abandonSilent(silentSinceCreation, EvaluationStore.DEFAULT_SILENCE)).isZero();
            RELEASE.countDown();

            Evaluation done = running.get(60, TimeUnit.SECONDS);
            assertThat(done.status()).isEqualTo(Evaluation.Status.COMPLETE);
            assertThat(done.summary().rows()).isEqualTo(1);
        }
    }

    @Test
    void readingASilentEvaluationSweepsItAbandonedWithItsReason() throws Exception {
        try (var bhb = BigHummingbird.local(PROJECT, home); Store store = Store.openLocal(home)) {
            String ds = bhb.uploadDataset(Dataset.of("quick", "", List.of("a")));
            String judge = bhb.addJudge(Judge.of("one", "", (Object out) -> 1.0));
            ProjectRef project = store.projects().find(Store.DEFAULT_WORKSPACE, PROJECT).orElseThrow();
            var model = bhb.trace("quick model", (String q) -> q);
            Evaluation done = bhb.evaluate(model, judge, ds);
            EvaluationInfo stale = store.evaluations().create(project, new org.bighummingbird.store.NewEvaluation(
                    org.bighummingbird.core.Tag.parse(done.modelTag()), org.bighummingbird.core.Tag.parse(ds),
                    org.bighummingbird.core.Tag.parse(judge), 1)).evaluation();
            // its process died three minutes ago, as far as the store can tell; reading it sweeps first
            try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + home.resolve(Store.DB_FILE));
                    var s = c.createStatement()) {
                s.executeUpdate("UPDATE evaluations SET heartbeat_at = heartbeat_at - 180000000 WHERE id = '"
                        + stale.id() + "'");
            }

            Evaluation abandoned = bhb.evaluation(stale.id());

            assertThat(abandoned.status()).isEqualTo(Evaluation.Status.ABANDONED);
            assertThat(abandoned.failure()).hasValueSatisfying(f -> assertThat(f).startsWith("no heartbeat since"));
            assertThat(abandoned.finishedAt()).isPresent();
            assertThatThrownBy(abandoned::summary).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("abandoned");
            assertThat(bhb.evaluation(done.id()).status()).isEqualTo(Evaluation.Status.COMPLETE);
        }
    }

    @Test
    void theHeartbeatIntervalIsValidated() {
        assertThat(EvaluationOptions.defaults().heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> EvaluationOptions.builder().heartbeatInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heartbeatInterval must be");
        assertThatThrownBy(() -> EvaluationOptions.builder().heartbeatInterval(Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heartbeatInterval must be");
        assertThatThrownBy(() -> new EvaluationOptions(1, true, null)).isInstanceOf(NullPointerException.class);
    }

    // polls for the evaluating threads' event with a deadline; no threshold is waited out
    private static EvaluationInfo awaitHeartbeat(Store reader, ProjectRef project) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            List<EvaluationInfo> all = reader.evaluations().list(project, 1);
            if (!all.isEmpty() && all.get(0).heartbeatAtMicros() > all.get(0).createdAtMicros()) {
                return all.get(0);
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no heartbeat within 60 s");
    }

    private static Instant micros(long micros) {
        return Instant.ofEpochSecond(0, micros * 1_000);
    }
}
