package org.bighummingbird;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bighummingbird.core.RunAssessment;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.RunQuery;
import org.bighummingbird.store.RunView;
import org.bighummingbird.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Assess mode against a real SQLite home when close() comes before the judge is done: no run
 * vanishes, and the judge sees the model's own output object.
 */
class AssessCloseTest {
    private static final String PROJECT = "Assess Close";
    /** Holds the judge of {@link #aSlowJudgeAndASinkThatIsAwayShareOneCloseDeadline} until close() returned. */
    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    @TempDir
    Path home;

    /** An answer a model returns: a record with a list, which the run stores as a JSON snapshot. */
    record Answer(String text, List<String> sources) {}

    static double slow(int out) {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    static double held(int out) {
        try {
            RELEASE.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    @Test
    void closeBeforeTheJudgeFinishesStoresOrCountsEveryRun() {
        int calls = 200;
        long dropped;
        var bhb = BigHummingbird.builder(PROJECT).home(home).closeTimeout(Duration.ofSeconds(1)).build();
        try {
            String judge = bhb.addJudge(Judge.of("slow", "200 ms a run", (Integer out) -> slow(out)));
            var model = bhb.assess(judge).trace("model", (Integer a) -> a + 1);
            for (int i = 0; i < calls; i++) {
                model.apply(i);
            }
        } finally {
            bhb.close();
        }
        dropped = bhb.droppedRuns();
        // runs left in the spool are not dropped: the next process that opens the store replays them
        BigHummingbird.local(PROJECT, home).close();

        Map<RunView, RunAssessment> runs = storedWithVerdicts();
        assertThat(runs.size() + dropped).as("%d stored, %d dropped", runs.size(), dropped).isEqualTo(calls);
        assertThat(runs.values()).as("every stored run names the judge").allSatisfy(v -> assertThat(v).isNotNull());
        assertThat(runs.values()).filteredOn(v -> v.score() == null).isNotEmpty()
                .allSatisfy(v -> assertThat(v.error()).isEqualTo("not judged: closed before the judge finished"));
    }

    @Test
    void closeWithoutFlushDeliversEveryRunWithItsScore() {
        try (var bhb = BigHummingbird.local(PROJECT, home)) {
            String judge = bhb.addJudge(Judge.of("plain", "the output", (Integer out) -> out));
            var model = bhb.assess(judge).trace("model", (Integer a) -> a + 1);
            for (int i = 0; i < 100; i++) {
                model.apply(i);
            }
        }
        assertThat(storedWithVerdicts().values()).hasSize(100)
                .allSatisfy(v -> assertThat(v.score()).as(v.error()).isNotNull());
    }

    @Test
    void aSlowJudgeAndASinkThatIsAwayShareOneCloseDeadline() throws Exception {
        Duration timeout = Duration.ofSeconds(3);
        long closeNanos;
        var sink = new SwitchedSink();
        var bhb = BigHummingbird.builder(PROJECT).home(home).closeTimeout(timeout).sink(sink)
                .retryBackoff(Duration.ofMillis(50)).maxRetryBackoff(Duration.ofMillis(100)).build();
        try {
            String judge = bhb.addJudge(Judge.of("held", "until released", (Integer out) -> held(out)));
            var model = bhb.assess(judge).trace("model", (Integer a) -> a + 1);
            for (int i = 0; i < 10; i++) {
                model.apply(i);
            }
            long start = System.nanoTime();
            bhb.close();
            closeNanos = System.nanoTime() - start;
            assertThat(bhb.droppedRuns()).isZero();
        } finally {
            bhb.close();
            RELEASE.countDown();
        }
        // generous: the old close waited for the judge for the whole timeout, then for the sink again
        assertThat(Duration.ofNanos(closeNanos)).as("close() honours one deadline for the judge and the sink")
                .isLessThan(timeout.multipliedBy(2).minusMillis(500));
        // the runs wait in the spool; the next tracker with the same kind of sink replays them
        sink.up = true;
        BigHummingbird.builder(PROJECT).home(home).sink(sink).build().close();
        assertThat(sink.written).hasSize(10).allSatisfy(r -> assertThat(r.assessment().error())
                .isEqualTo("not judged: closed before the judge finished"));
    }

    @Test
    void theJudgeSeesTheModelsOutputObjectAndTheRunStoresItsJson() {
        try (var bhb = BigHummingbird.local(PROJECT, home)) {
            String judge = bhb.addJudge(Judge.of("cited", "one point a source",
                    (Answer out) -> out.sources().size() + (out.text().isEmpty() ? 0 : 0.5), s -> s >= 2));
            var model = bhb.assess(judge).trace("answerer",
                    (String q) -> new Answer("re: " + q, List.of("faq", "manual")));
            assertThat(model.apply("refund?").text()).isEqualTo("re: refund?");
            assertThat(bhb.flush(Duration.ofSeconds(30))).isTrue();
        }
        Map<RunView, RunAssessment> runs = storedWithVerdicts();
        assertThat(runs).hasSize(1);
        var entry = runs.entrySet().iterator().next();
        assertThat(entry.getValue().error()).isNull();
        assertThat(entry.getValue().score()).isEqualTo(2.5);
        assertThat(entry.getValue().passed()).isTrue();
        assertThat(StoredRuns.json(entry.getKey().outputJson()))
                .isEqualTo(StoredRuns.json("{\"text\":\"re: refund?\",\"sources\":[\"faq\",\"manual\"]}"));
    }

    private Map<RunView, RunAssessment> storedWithVerdicts() {
        try (Store store = Store.openLocal(home)) {
            ProjectRef p = store.projects().find(Store.DEFAULT_WORKSPACE, PROJECT).orElseThrow();
            Map<RunView, RunAssessment> out = new java.util.LinkedHashMap<>();
            for (RunView r : store.runs().list(p, new RunQuery(null, Integer.MAX_VALUE))) {
                out.put(r, store.runs().assessment(p, r.id()).orElse(null));
            }
            return out;
        }
    }

    /** A sink that is away until switched on; then it keeps what it is given. */
    static final class SwitchedSink implements org.bighummingbird.sdk.spi.RunSink {
        volatile boolean up;
        final List<org.bighummingbird.core.RunRecord> written = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public org.bighummingbird.core.Tag register(String project, org.bighummingbird.core.VersionRegistration r)
                throws Exception {
            if (!up) {
                throw new java.io.IOException("away");
            }
            return new org.bighummingbird.core.Tag(r.modelName(), 1);
        }

        @Override
        public void write(String project, List<org.bighummingbird.core.RunRecord> runs) throws Exception {
            if (!up) {
                throw new java.io.IOException("away");
            }
            written.addAll(runs);
        }
    }
}
