package org.bighummingbird;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bighummingbird.store.EvaluationInfo;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.RunView;
import org.bighummingbird.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evaluations through the SDK on a real SQLite home, with stdout captured. */
class EvaluationTest {
    private static final String PROJECT = "Customer Support";
    private static final List<String> QUESTIONS = List.of(
            "I recently bought a blender from your store, but it stopped working within a week. Can I get a refund?",
            "I'm having trouble installing the software I purchased. Can you help?");

    @TempDir
    Path home;

    private BigHummingbird bhb;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void open() {
        bhb = BigHummingbird.local(PROJECT, home);
        originalOut = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void close() {
        System.setOut(originalOut);
        bhb.close();
    }

    private List<String> stdout() {
        return captured.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
    }

    static double lengthScore(Object output) {
        return String.valueOf(output).length() % 10;
    }

    @Test
    void customerSupportFlowPrintsEachRowThenTheVerdictAndStoresEverything() {
        String datasetTag = bhb.uploadDataset(Dataset.of("test_dataset", "Customer questions", QUESTIONS));
        String judgeTag = bhb.addJudge(Judge.of("random_judge", "A random score from 1 to 10",
                output -> 1 + new Random().nextInt(10), score -> score > 5));
        var model = bhb.trace("sample_model", (String q) -> Map.of("question", q, "answer", "What do you mean?"));

        Evaluation ev = bhb.evaluate(model, judgeTag, datasetTag);

        assertThat(datasetTag).isEqualTo("test_dataset:v1");
        assertThat(judgeTag).isEqualTo("random_judge:v1");
        List<Evaluation.Row> rows = new ArrayList<>();
        ev.rows().forEach(rows::add);
        assertThat(rows).hasSize(2);
        List<String> expected = new ArrayList<>();
        int failed = 0;
        for (Evaluation.Row row : rows) {
            long score = Math.round(row.score());
            assertThat(row.score()).isBetween(1.0, 10.0);
            assertThat(row.passed()).isEqualTo(score > 5);
            failed += row.passed() ? 0 : 1;
            expected.add((row.passed() ? "✔" : "✖") + " test_dataset[" + row.index() + "] score: " + score);
        }
        expected.add(failed == 0 ? "✔ All cases in dataset passed." : "✖ " + failed + " out of 2 failed.");
        assertThat(stdout()).containsExactlyElementsOf(expected);

        assertThat(ev.status()).isEqualTo(Evaluation.Status.COMPLETE);
        assertThat(ev.modelTag()).isEqualTo("sample_model:v1");
        assertThat(ev.datasetTag()).isEqualTo("test_dataset:v1");
        assertThat(ev.judgeTag()).isEqualTo("random_judge:v1");
        assertThat(ev.parallelism()).isEqualTo(32);
        assertThat(ev.summary().rows()).isEqualTo(2);
        assertThat(ev.summary().failed()).isEqualTo(failed);
        assertThat(ev.summary().passed()).isEqualTo(2 - failed);
        assertThat(ev.summary().errors()).isZero();
        assertThat(ev.summary().meanScore()).hasValue((rows.get(0).score() + rows.get(1).score()) / 2);
        assertThat(ev.summary().latencyP95()).isGreaterThanOrEqualTo(ev.summary().latencyP50());
        assertThat(rows.get(0).inputJson()).isEqualTo(StoredRuns.JSON.valueToTree(QUESTIONS.get(0)).toString());
        assertThat(StoredRuns.json(rows.get(1).outputJson()).get("answer").asText()).isEqualTo("What do you mean?");

        // every model call of the evaluation is a run of sample_model:v1, and each row names its run
        assertThat(bhb.flush(Duration.ofSeconds(10))).isTrue();
        List<RunView> runs = StoredRuns.runs(home, PROJECT);
        assertThat(runs).hasSize(2).allSatisfy(r -> assertThat(r.modelTag().toString()).isEqualTo("sample_model:v1"));
        assertThat(rows).extracting(Evaluation.Row::runId)
                .containsExactlyInAnyOrderElementsOf(runs.stream().map(RunView::id).toList());
        assertThat(bhb.evaluation(ev.id()).summary()).isEqualTo(ev.summary());
    }

    @Test
    void exactLinesForADeterministicJudgeAndAllPassedVerdict() {
        String ds = bhb.uploadDataset(Dataset.of("lengths", "", List.of("a", "bb", "ccc")));
        String judge = bhb.addJudge(Judge.of("len", "", out -> String.valueOf(out).length() + 0.5, s -> s > 1));
        var model = bhb.trace("echo", (String s) -> s);

        bhb.evaluate(model, judge, ds);

        assertThat(stdout()).containsExactly("✔ lengths[0] score: 1.5", "✔ lengths[1] score: 2.5",
                "✔ lengths[2] score: 3.5", "✔ All cases in dataset passed.");
    }

    @Test
    void versionedDatasetsAndJudgesAreUsedByTag() {
        String d1 = bhb.uploadDataset(Dataset.of("numbers", "", List.of(1, 2)));
        String d2 = bhb.uploadDataset(Dataset.of("numbers", "", List.of(1, 2, 3)));
        String j1 = bhb.addJudge(Judge.of("big", "", (Integer out) -> out, s -> s > 2));
        String j2 = bhb.addJudge(Judge.of("big", "", (Integer out) -> out, s -> s > 3));
        var model = bhb.trace("double", (Integer x) -> x * 2);
        var quiet = EvaluationOptions.builder().printRows(false).build();

        Evaluation first = bhb.evaluate(model, j1, d1, quiet);
        Evaluation latest = bhb.evaluate(model, "big:latest", "numbers:latest", quiet);

        assertThat(List.of(d1, d2, j1, j2)).containsExactly("numbers:v1", "numbers:v2", "big:v1", "big:v2");
        assertThat(first.datasetTag()).isEqualTo("numbers:v1");
        assertThat(first.judgeTag()).isEqualTo("big:v1");
        assertThat(first.summary().rows()).isEqualTo(2);
        assertThat(first.summary().passed()).isEqualTo(1); // 2 fails s > 2, 4 passes
        assertThat(latest.datasetTag()).isEqualTo("numbers:v2");
        assertThat(latest.judgeTag()).isEqualTo("big:v2");
        assertThat(latest.summary().passed()).isEqualTo(2); // 4 and 6 pass s > 3
        assertThat(stdout()).containsExactly("✖ 1 out of 2 failed.", "✖ 1 out of 3 failed.");
    }

    static double fussy(String out) {
        switch (out) {
            case "nan":
                return Double.NaN;
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            case "rubric throws":
                throw new IllegalStateException("rubric cannot score this");
            default:
                return out.length();
        }
    }

    @Test
    void rubricsCriteriaAndModelsThatFailMakeErrorRowsAndTheEvaluationGoesOn() {
        String ds = bhb.uploadDataset(Dataset.of("hard", "", List.of("fine", "nan", "inf", "-inf", "rubric throws",
                "criterion throws", "model throws", "ok")));
        String judge = bhb.addJudge(Judge.of("fussy", "", (String out) -> fussy(out), s -> {
            if (s == "criterion throws".length()) {
                throw new IllegalArgumentException("criterion cannot decide");
            }
            return s < 3;
        }));
        var model = bhb.trace("picky", (String in) -> {
            if (in.equals("model throws")) {
                throw new UnsupportedOperationException("no answer for that");
            }
            return in;
        });

        Evaluation ev = bhb.evaluate(model, judge, ds);

        assertThat(ev.status()).isEqualTo(Evaluation.Status.COMPLETE);
        assertThat(ev.summary().rows()).isEqualTo(8);
        assertThat(ev.summary().errors()).isEqualTo(6);
        assertThat(ev.summary().passed()).isEqualTo(1);
        assertThat(ev.summary().failed()).isEqualTo(1);
        assertThat(ev.summary().meanScore()).hasValue(3.0);
        List<String> out = stdout();
        assertThat(out).hasSize(9);
        assertThat(out.get(0)).isEqualTo("✖ hard[0] score: 4");
        assertThat(out.get(1)).startsWith("✖ hard[1] error: the judge failed: ").containsIgnoringCase("nan");
        assertThat(out.get(2)).startsWith("✖ hard[2] error: the judge failed: ").containsIgnoringCase("infinity");
        assertThat(out.get(3)).startsWith("✖ hard[3] error: the judge failed: ").containsIgnoringCase("infinity");
        assertThat(out.get(4)).startsWith("✖ hard[4] error: the judge failed: ").contains("rubric cannot score this");
        assertThat(out.get(5)).startsWith("✖ hard[5] error: the judge failed: ").contains("criterion cannot decide");
        assertThat(out.get(6)).isEqualTo("✖ hard[6] error: the model threw"
                + " java.lang.UnsupportedOperationException: no answer for that");
        assertThat(out.get(7)).isEqualTo("✔ hard[7] score: 2");
        assertThat(out.get(8)).isEqualTo("✖ 7 out of 8 failed.");
        List<Evaluation.Row> rows = new ArrayList<>();
        ev.rows().forEach(rows::add);
        assertThat(rows.get(6).outputJson()).isNull();
        assertThat(rows.get(6).runId()).isNotNull();
        assertThat(rows.get(1).outputJson()).isEqualTo("\"nan\"");
        assertThat(rows).filteredOn(Evaluation.Row::isError)
                .allSatisfy(r -> assertThat(r.score()).isNull())
                .allSatisfy(r -> assertThat(r.passed()).isNull());
    }

    @Test
    void aJudgeWithoutCriterionFailsOnlyErrorRows() {
        String ds = bhb.uploadDataset(Dataset.of("plain", "", List.of("a", "bb")));
        String judge = bhb.addJudge(Judge.of("length only", "", (String out) -> out.length()));
        var model = bhb.trace("same", (String s) -> s);

        Evaluation ev = bhb.evaluate(model, judge, ds);

        assertThat(stdout()).containsExactly("✔ plain[0] score: 1", "✔ plain[1] score: 2",
                "✔ All cases in dataset passed.");
        assertThat(ev.summary().passed()).isZero();
        assertThat(ev.summary().failed()).isZero();
        assertThat(ev.summary().allPassed()).isTrue();
    }

    @Test
    void datasetsCannotBeEmptySoAnEmptyEvaluationCannotBeAskedFor() {
        String judge = bhb.addJudge(Judge.of("any", "", (Object out) -> 1.0));
        var model = bhb.trace("m", (String s) -> s);

        assertThatThrownBy(() -> Dataset.of("empty", "", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> bhb.evaluate(model, judge, "empty:v1"))
                .isInstanceOf(NoSuchDataset.class).hasMessageContaining("empty:v1");
        assertThatThrownBy(() -> bhb.evaluate(model, judge, "empty:latest"))
                .isInstanceOf(NoSuchDataset.class);
        assertThat(evaluations()).isEmpty();
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aCodeJudgeNotLoadedHereFailsTheEvaluationWithTheReason() {
        String ds = bhb.uploadDataset(Dataset.of("qs", "", List.of("a")));
        String judge = bhb.addJudge(Judge.of("elsewhere", "", (Object out) -> 1.0));
        bhb.close();
        bhb = BigHummingbird.local(PROJECT, home);
        var model = bhb.trace("m", (String s) -> s);

        assertThatThrownBy(() -> bhb.evaluate(model, judge, ds))
                .isInstanceOf(JudgeUnavailable.class)
                .hasMessageContaining("elsewhere:v1").hasMessageContaining("not loaded in this process");

        List<EvaluationInfo> stored = evaluations();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).status()).isEqualTo(EvaluationInfo.FAILED);
        assertThat(stored.get(0).failure()).contains("elsewhere:v1").contains("not loaded in this process");
        assertThat(bhb.evaluation(stored.get(0).id()).status()).isEqualTo(Evaluation.Status.FAILED);
        assertThatThrownBy(() -> bhb.evaluation(stored.get(0).id()).summary())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("failed");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void anUnknownJudgeIsUnavailableAndNothingIsStored() {
        String ds = bhb.uploadDataset(Dataset.of("qs", "", List.of("a")));
        var model = bhb.trace("m", (String s) -> s);

        assertThatThrownBy(() -> bhb.evaluate(model, "nobody:v1", ds))
                .isInstanceOf(JudgeUnavailable.class).hasMessageContaining("nobody:v1");
        assertThat(evaluations()).isEmpty();
    }

    static final AtomicInteger RUNNING = new AtomicInteger();
    static final AtomicInteger MOST = new AtomicInteger();

    static int slow(int x) throws InterruptedException {
        int now = RUNNING.incrementAndGet();
        MOST.accumulateAndGet(now, Math::max);
        try {
            Thread.sleep(40);
        } finally {
            RUNNING.decrementAndGet();
        }
        return x;
    }

    @Test
    void rowsRunAtTheConfiguredParallelism() {
        String ds = bhb.uploadDataset(Dataset.of("many", "", IntStream.range(0, 96).boxed().toList()));
        String judge = bhb.addJudge(Judge.of("any", "", (Object out) -> 1.0));
        var model = bhb.trace("sleepy", (Integer x) -> {
            try {
                return slow(x);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        MOST.set(0);
        bhb.evaluate(model, judge, ds, EvaluationOptions.builder().parallelism(8).printRows(false).build());
        int withEight = MOST.get();
        MOST.set(0);
        Evaluation byDefault = bhb.evaluate(model, judge, ds, EvaluationOptions.builder().printRows(false).build());

        assertThat(withEight).isEqualTo(8);
        assertThat(MOST.get()).isEqualTo(32);
        assertThat(byDefault.summary().rows()).isEqualTo(96);
        assertThat(byDefault.summary().latencyP50()).isGreaterThanOrEqualTo(Duration.ofMillis(40));
    }

    @Test
    void modelsOfSeveralArgumentsTakeArrayInputsAndModelsCanBeNamedByTag() {
        String ds = bhb.uploadDataset(Dataset.of("pairs", "", List.of(List.of(1, 2), List.of(3, 4), List.of(5))));
        String judge = bhb.addJudge(Judge.of("sum", "", (Integer out) -> out, s -> s < 5));
        var add = bhb.trace("add", (Integer a, Integer b) -> a + b);
        var none = bhb.trace("constant", () -> 3);
        var three = bhb.trace("three", (Integer a, Integer b, Integer c) -> a + b + c);
        String tag = ((Traced) add).tag();

        Evaluation ev = bhb.evaluate(tag, judge, ds);
        Evaluation constant = bhb.evaluate(none, judge, ds, EvaluationOptions.builder().printRows(false).build());
        Evaluation wrongArity = bhb.evaluate(three, judge, ds, EvaluationOptions.builder().printRows(false).build());

        assertThat(ev.modelTag()).isEqualTo("add:v1");
        assertThat(stdout()).startsWith("✔ pairs[0] score: 3", "✖ pairs[1] score: 7",
                "✖ pairs[2] error: the model threw java.lang.IllegalArgumentException: a model of 2 arguments needs"
                        + " each row's input to be a JSON array of 2 elements, got an array of 1",
                "✖ 2 out of 3 failed.");
        assertThat(constant.summary().passed()).isEqualTo(3);
        assertThat(wrongArity.summary().errors()).isEqualTo(3);
    }

    @Test
    void aModelNotTracedByThisInstanceIsAClearError() {
        String ds = bhb.uploadDataset(Dataset.of("qs", "", List.of("a")));
        String judge = bhb.addJudge(Judge.of("any", "", (Object out) -> 1.0));
        Fn1<String, String> plain = s -> s;

        assertThatThrownBy(() -> bhb.evaluate(plain, judge, ds))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trace()");
        assertThatThrownBy(() -> bhb.evaluate("ghost:v1", judge, ds))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ghost:v1");
        try (var other = BigHummingbird.local("Other", home)) {
            var foreign = other.trace("foreign", (String s) -> s);
            assertThatThrownBy(() -> bhb.evaluate(foreign, judge, ds))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another BigHummingbird");
        }
        assertThatThrownBy(() -> EvaluationOptions.builder().parallelism(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("parallelism must be 1 to 1024, got 0");
        assertThat(evaluations()).isEmpty();
    }

    private List<EvaluationInfo> evaluations() {
        try (Store store = Store.openLocal(home)) {
            ProjectRef p = store.projects().find(Store.DEFAULT_WORKSPACE, PROJECT).orElseThrow();
            return store.evaluations().list(p, 100);
        }
    }


    @Test
    void comparingTwoEvaluationsFindsRegressionsImprovementsAndDeltas() {
        String words = bhb.uploadDataset(Dataset.of("words", "", List.of("a", "abcd", "abcdef", "ab")));
        String other = bhb.uploadDataset(Dataset.of("other", "", List.of("abcdefgh")));
        String judge = bhb.addJudge(Judge.of("length", "", (String out) -> out.length(), s -> s > 3));
        var echo = bhb.trace("echo", (String s) -> s);
        var padded = bhb.trace("padded", (String s) -> s.length() > 5 ? "" : s + "xxx");
        var quiet = EvaluationOptions.builder().printRows(false).build();
        Evaluation a = bhb.evaluate(echo, judge, words, quiet);
        Evaluation b = bhb.evaluate(padded, judge, words, quiet);
        Evaluation elsewhere = bhb.evaluate(echo, judge, other, quiet);

        EvaluationComparison c = bhb.compare(a.id(), b.id());

        assertThat(c.a().id()).isEqualTo(a.id());
        assertThat(c.regressions()).containsExactly(2);
        assertThat(c.improvements()).containsExactly(0, 3);
        assertThat(c.rows()).extracting(EvaluationComparison.RowChange::change).containsExactly(
                EvaluationComparison.Change.IMPROVEMENT, EvaluationComparison.Change.SAME,
                EvaluationComparison.Change.REGRESSION, EvaluationComparison.Change.IMPROVEMENT);
        assertThat(c.rows()).extracting(r -> r.scoreDelta().orElseThrow()).containsExactly(3.0, 3.0, -6.0, 3.0);
        assertThat(c.passedDelta()).isEqualTo(1);
        assertThat(c.failedDelta()).isEqualTo(-1);
        assertThat(c.errorsDelta()).isZero();
        assertThat(c.meanScoreDelta()).hasValue(0.75);
        assertThatThrownBy(() -> bhb.compare(a.id(), elsewhere.id()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different datasets").hasMessageContaining("words:v1")
                .hasMessageContaining("other:v1");
        assertThatThrownBy(() -> bhb.compare(a.id(), "nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no evaluation nope");
    }
}
