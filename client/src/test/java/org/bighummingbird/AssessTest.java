package org.bighummingbird;

import org.bighummingbird.sdk.TestAccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bighummingbird.core.RunAssessment;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.RunView;
import org.bighummingbird.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Assess mode on a real SQLite home: every run of an assessed model carries the judge's verdict. */
class AssessTest {
    private static final String PROJECT = "Assessed Project";

    @TempDir
    Path home;

    static double picky(int sum) {
        if (sum == 13) {
            throw new IllegalStateException("unlucky");
        }
        return sum;
    }

    @Test
    void everyRunCarriesTheJudgeAndItsScoreOrWhyThereIsNone() {
        String judgeId;
        List<RunView> runs;
        Map<String, RunAssessment> verdicts;
        try (var bhb = BigHummingbird.local(PROJECT, home)) {
            String judgeTag = bhb.addJudge(Judge.of("big sum", "", (Integer out) -> picky(out), s -> s > 5));
            var assessed = bhb.assess(judgeTag).trace("model", (Integer a, Integer b) -> {
                if (a < 0) {
                    throw new IllegalArgumentException("negative");
                }
                return a + b;
            });
            var plain = bhb.trace("model", (Integer a, Integer b) -> {
                if (a < 0) {
                    throw new IllegalArgumentException("negative");
                }
                return a + b;
            });

            assertThat(assessed.apply(1, 2)).isEqualTo(3);
            assertThat(assessed.apply(4, 5)).isEqualTo(9);
            assertThat(assessed.apply(6, 7)).isEqualTo(13);
            assertThatThrownBy(() -> assessed.apply(-1, 2)).hasMessage("negative");
            plain.apply(10, 10);
            assertThat(((Traced) assessed).tag()).isEqualTo("model:v1").isEqualTo(((Traced) plain).tag());
            assertThat(bhb.flush(Duration.ofSeconds(10))).isTrue();
            judgeId = TestAccess.judges(bhb).version(judgeTag).id();
        }
        try (Store store = Store.openLocal(home)) {
            ProjectRef p = store.projects().find(Store.DEFAULT_WORKSPACE, PROJECT).orElseThrow();
            runs = store.runs().list(p, new org.bighummingbird.store.RunQuery(null, 100));
            verdicts = runs.stream().filter(r -> store.runs().assessment(p, r.id()).isPresent())
                    .collect(Collectors.toMap(RunView::inputsJson, r -> store.runs().assessment(p, r.id()).orElseThrow()));
        }

        assertThat(runs).hasSize(5);
        assertThat(verdicts).hasSize(4);
        assertThat(verdicts.get("{\"a\":1,\"b\":2}")).isEqualTo(new RunAssessment(judgeId, 3.0, false, null));
        assertThat(verdicts.get("{\"a\":4,\"b\":5}")).isEqualTo(new RunAssessment(judgeId, 9.0, true, null));
        RunAssessment judgeFailed = verdicts.get("{\"a\":6,\"b\":7}");
        assertThat(judgeFailed.score()).isNull();
        assertThat(judgeFailed.passed()).isNull();
        assertThat(judgeFailed.error()).contains("unlucky");
        RunAssessment modelThrew = verdicts.get("{\"a\":-1,\"b\":2}");
        assertThat(modelThrew.score()).isNull();
        assertThat(modelThrew.error()).contains("the model threw java.lang.IllegalArgumentException");
        assertThat(runs).filteredOn(r -> r.inputsJson().equals("{\"a\":4,\"b\":5}")).singleElement()
                .satisfies(r -> assertThat(r.score()).isEqualTo(9.0));
    }

    @Test
    void aJudgeThatCannotRunFailsAtOnce() {
        String tag;
        try (var bhb = BigHummingbird.local(PROJECT, home)) {
            tag = bhb.addJudge(Judge.of("code only", "", (Object out) -> 1.0));
        }
        try (var bhb = BigHummingbird.local(PROJECT, home)) {
            assertThatThrownBy(() -> bhb.assess(tag)).isInstanceOf(JudgeUnavailable.class)
                    .hasMessageContaining("not loaded in this process");
            assertThatThrownBy(() -> bhb.assess("nobody:v1")).isInstanceOf(JudgeUnavailable.class);
            assertThat(bhb.assess(bhb.addJudge(Judge.exactMatch("exact"))).judgeTag()).isEqualTo("exact:v1");
        }
    }

}
