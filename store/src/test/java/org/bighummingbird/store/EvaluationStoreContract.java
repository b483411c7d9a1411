package org.bighummingbird.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.bighummingbird.core.DatasetRow;
import org.bighummingbird.core.DatasetUpload;
import org.bighummingbird.core.RunAssessment;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Evaluations in the store, run against SQLite and PostgreSQL alike. */
abstract class EvaluationStoreContract {
    Store store;
    ProjectRef project;
    Tag model;
    Tag dataset;
    Tag otherDataset;
    Tag judge;

    abstract Store openFresh() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openFresh();
        project = store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Concept Project");
        model = store.models().register(project, new VersionRegistration("model", "k1", "f1", "{}", "code", "source", "{}"))
                .tag();
        dataset = store.datasets().register(project, DatasetUpload.of("questions", "", rows(4))).tag();
        otherDataset = store.datasets().register(project, DatasetUpload.of("questions", "", rows(5))).tag();
        judge = store.judges().register(project, JudgeStoreContract.judge("judge", "a+")).tag();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static List<DatasetRow> rows(int n) {
        List<DatasetRow> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(DatasetRow.parse("\"q" + i + "\"", null));
        }
        return out;
    }

    private static EvaluationRowView row(int i, Double score, Boolean passed, long latency, String error) {
        return new EvaluationRowView(i, "\"q" + i + "\"", error == null ? "\"a\"" : null, score, passed, latency,
                error, null);
    }

    private EvaluationInfo create(NewEvaluation e) {
        EvaluationCreation creation = store.evaluations().create(project, e);
        assertThat(creation.created()).isTrue();
        return creation.evaluation();
    }

    private EvaluationInfo evaluation(Tag on, EvaluationRowView... rows) {
        EvaluationInfo e = create(new NewEvaluation(model, on, judge, 4));
        store.evaluations().appendRows(project, e.id(), List.of(rows));
        return store.evaluations().complete(project, e.id());
    }

    @Test
    void completingFillsTheSummaryFromTheRows() {
        EvaluationInfo created = create(new NewEvaluation(model, dataset, judge, 8));
        assertThat(created.status()).isEqualTo(EvaluationInfo.RUNNING);
        assertThat(created.rows()).isNull();
        store.evaluations().appendRows(project, created.id(), List.of(row(0, 7.0, true, 100, null),
                row(2, 2.0, false, 300, null)));
        store.evaluations().appendRows(project, created.id(), List.of(row(1, null, null, 200, "model threw"),
                row(3, 9.0, true, 400, null), row(0, 7.0, true, 100, null)));

        EvaluationInfo done = store.evaluations().complete(project, created.id());

        assertThat(done.status()).isEqualTo(EvaluationInfo.COMPLETE);
        assertThat(done.modelTag()).isEqualTo(model);
        assertThat(done.datasetTag()).isEqualTo(dataset);
        assertThat(done.judgeTag()).isEqualTo(judge);
        assertThat(done.parallelism()).isEqualTo(8);
        assertThat(done.rows()).isEqualTo(4);
        assertThat(done.passed()).isEqualTo(2);
        assertThat(done.failed()).isEqualTo(1);
        assertThat(done.errors()).isEqualTo(1);
        assertThat(done.meanScore()).isEqualTo(6.0);
        assertThat(done.minScore()).isEqualTo(2.0);
        assertThat(done.maxScore()).isEqualTo(9.0);
        assertThat(done.latencyP50Ns()).isEqualTo(200);
        assertThat(done.latencyP95Ns()).isEqualTo(400);
        assertThat(done.finishedAtMicros()).isNotNull();
        List<EvaluationRowView> rows = store.evaluations().rows(project, created.id(), 0, 10);
        assertThat(rows).extracting(EvaluationRowView::index).containsExactly(0, 1, 2, 3);
        assertThat(rows.get(0)).isEqualTo(row(0, 7.0, true, 100, null));
        assertThat(rows.get(1)).isEqualTo(row(1, null, null, 200, "model threw"));
        assertThat(store.evaluations().rows(project, created.id(), 2, 1)).extracting(EvaluationRowView::index)
                .containsExactly(2);
        assertThat(store.evaluations().rows(project, created.id(), 4, 10)).isEmpty();
    }

    @Test
    void failedEvaluationKeepsItsReasonAndTakesNoMoreRows() {
        EvaluationInfo e = create(new NewEvaluation(model, dataset, judge, 1));

        assertThat(store.evaluations().fail(project, e.id(), "judge unavailable")).isTrue();
        assertThat(store.evaluations().fail(project, e.id(), "again")).isFalse();

        EvaluationInfo failed = store.evaluations().find(project, e.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(EvaluationInfo.FAILED);
        assertThat(failed.failure()).isEqualTo("judge unavailable");
        assertThat(failed.rows()).isNull();
        assertThatThrownBy(() -> store.evaluations().appendRows(project, e.id(), List.of(row(0, 1.0, true, 1, null))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("failed");
        assertThatThrownBy(() -> store.evaluations().complete(project, e.id()))
                .isInstanceOf(IllegalStateException.class);
    }

    private static EvaluationRowView[] scoredRows(int n) {
        EvaluationRowView[] out = new EvaluationRowView[n];
        for (int i = 0; i < n; i++) {
            out[i] = row(i, 7.0, true, 100, null);
        }
        return out;
    }

    @Test
    void anEvaluationOfErrorRowsOnlyCompletesWithoutScores() {
        EvaluationInfo e = create(new NewEvaluation(model, dataset, judge, 1));
        for (int i = 0; i < 4; i++) {
            store.evaluations().appendRows(project, e.id(), List.of(row(i, null, null, 5, "model threw")));
        }

        EvaluationInfo done = store.evaluations().complete(project, e.id());

        assertThat(done.rows()).isEqualTo(4);
        assertThat(done.errors()).isEqualTo(4);
        assertThat(done.meanScore()).isNull();
    }

    @Test
    void anEvaluationWithRowsMissingStaysRunningUntilItHasThemAll() {
        EvaluationInfo e = create(new NewEvaluation(model, dataset, judge, 1));
        store.evaluations().appendRows(project, e.id(), List.of(row(2, 1.0, true, 1, null)));

        assertThatThrownBy(() -> store.evaluations().complete(project, e.id()))
                .isInstanceOfSatisfying(EvaluationIncomplete.class, x -> {
                    assertThat(x.missing()).isEqualTo(3);
                    assertThat(x.firstMissing()).containsExactly(0, 1, 3);
                })
                .hasMessageContaining("1 of the 4 rows").hasMessageContaining("missing indexes 0, 1, 3");
        assertThat(store.evaluations().find(project, e.id()).orElseThrow().status()).isEqualTo(EvaluationInfo.RUNNING);
        store.evaluations().appendRows(project, e.id(), List.of(row(0, 1.0, true, 1, null), row(1, 1.0, true, 1, null),
                row(3, 1.0, true, 1, null)));
        assertThat(store.evaluations().complete(project, e.id()).rows()).isEqualTo(4);
    }

    @Test
    void rowsMustBeTheDatasetsRowsOnceEachAndABadBatchStoresNothing() {
        EvaluationInfo e = create(new NewEvaluation(model, dataset, judge, 1));
        store.evaluations().appendRows(project, e.id(), List.of(row(0, 1.0, true, 1, null)));

        assertThatThrownBy(() -> store.evaluations().appendRows(project, e.id(), List.of(row(1, 1.0, true, 1, null),
                row(4, 1.0, true, 1, null))))
                .isInstanceOfSatisfying(EvaluationRowRejected.class, x -> {
                    assertThat(x.position()).isEqualTo(1);
                    assertThat(x.field()).isEqualTo("index");
                }).hasMessageContaining("got 4");
        assertThatThrownBy(() -> store.evaluations().appendRows(project, e.id(), List.of(
                new EvaluationRowView(1, "\"q2\"", "1", 1.0, true, 1, null, null))))
                .isInstanceOfSatisfying(EvaluationRowRejected.class, x -> assertThat(x.field()).isEqualTo("inputJson"));
        assertThatThrownBy(() -> store.evaluations().appendRows(project, e.id(), List.of(row(1, 1.0, true, 1, null),
                row(0, 1.0, true, 2, null))))
                .isInstanceOfSatisfying(EvaluationRowConflict.class, x -> assertThat(x.position()).isEqualTo(1))
                .hasMessageContaining("latencyNs 1, not 2");
        store.evaluations().appendRows(project, e.id(), List.of(row(0, 1.0, true, 1, null)));

        assertThat(store.evaluations().rows(project, e.id(), 0, 10)).containsExactly(row(0, 1.0, true, 1, null));
    }

    @Test
    void unknownVersionsAndIdsAreNotFound() {
        assertThatThrownBy(() -> store.evaluations().create(project,
                new NewEvaluation(model, new Tag("questions", 9), judge, 1)))
                .isInstanceOf(NotFound.class).hasMessageContaining("questions:v9");
        assertThatThrownBy(() -> store.evaluations().create(project,
                new NewEvaluation(model, dataset, new Tag("judge", 9), 1)))
                .isInstanceOf(NotFound.class).hasMessageContaining("judge:v9");
        assertThat(store.evaluations().find(project, "nope")).isEmpty();
        assertThatThrownBy(() -> store.evaluations().rows(project, "nope", 0, 1)).isInstanceOf(NotFound.class);
        ProjectRef other = store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Other");
        EvaluationInfo e = create(new NewEvaluation(model, dataset, judge, 1));
        assertThat(store.evaluations().find(other, e.id())).isEmpty();
    }

    @Test
    void modelVersionMissingFromTheStoreIsStillNamed() {
        EvaluationInfo e = create(
                new NewEvaluation(new Tag("elsewhere", 3), dataset, judge, 1));

        assertThat(store.evaluations().find(project, e.id()).orElseThrow().modelTag()).isEqualTo(new Tag("elsewhere", 3));
    }

    @Test
    void listsNewestFirst() {
        EvaluationInfo first = create(new NewEvaluation(model, dataset, judge, 1));
        EvaluationInfo second = create(new NewEvaluation(model, dataset, judge, 1));

        assertThat(store.evaluations().list(project, 10)).extracting(EvaluationInfo::id)
                .containsExactly(second.id(), first.id());
        assertThat(store.evaluations().list(project, 1)).hasSize(1);
    }

    @Test
    void comparisonFindsRegressionsImprovementsAndDeltas() {
        EvaluationInfo a = evaluation(dataset, row(0, 7.0, true, 100, null), row(1, 3.0, false, 100, null),
                row(2, 8.0, true, 100, null), row(3, null, null, 100, "boom"));
        EvaluationInfo b = evaluation(dataset, row(0, 4.0, false, 300, null), row(1, 9.0, true, 300, null),
                row(2, 8.5, true, 300, null), row(3, 6.0, true, 300, null));

        EvaluationComparison c = store.evaluations().compare(project, a.id(), b.id());

        assertThat(c.regressions()).containsExactly(0);
        assertThat(c.improvements()).containsExactly(1, 3);
        assertThat(c.rows()).extracting(EvaluationComparison.RowDelta::scoreDelta)
                .containsExactly(-3.0, 6.0, 0.5, null);
        assertThat(c.passedDelta()).isEqualTo(1);
        assertThat(c.failedDelta()).isEqualTo(0);
        assertThat(c.errorsDelta()).isEqualTo(-1);
        assertThat(c.meanScoreDelta()).isEqualTo(6.875 - 6.0);
        assertThat(c.latencyP50DeltaNs()).isEqualTo(200);
    }

    @Test
    void pagedComparisonAndItsCountsAgreeWithTheWholeComparison() {
        Tag big = store.datasets().register(project, DatasetUpload.of("big", "", rows(300))).tag();
        java.util.Random random = new java.util.Random(11);
        EvaluationInfo a = evaluation(big, randomRows(random, 300));
        EvaluationInfo b = evaluation(big, randomRows(random, 300));
        EvaluationComparison whole = store.evaluations().compare(project, a.id(), b.id());

        EvaluationComparisonSummary summary = store.evaluations().compareSummary(project, a.id(), b.id());

        assertThat(whole.regressions()).isNotEmpty();
        assertThat(whole.improvements()).isNotEmpty();
        assertThat(summary.regressions()).isEqualTo(whole.regressions().size());
        assertThat(summary.improvements()).isEqualTo(whole.improvements().size());
        assertThat(summary.unchanged()).isEqualTo(
                whole.rows().size() - whole.regressions().size() - whole.improvements().size());
        assertThat(summary.meanScoreDelta()).isEqualTo(whole.meanScoreDelta());
        assertThat(summary.latencyP50DeltaNs()).isEqualTo(whole.latencyP50DeltaNs());
        assertThat(walk(a, b, EvaluationComparisonPage.Show.ALL, 7)).isEqualTo(whole.rows());
        assertThat(walk(a, b, EvaluationComparisonPage.Show.ALL, 300)).isEqualTo(whole.rows());
        assertThat(walk(a, b, EvaluationComparisonPage.Show.REGRESSIONS, 5))
                .extracting(EvaluationComparison.RowDelta::index).isEqualTo(whole.regressions());
        assertThat(walk(a, b, EvaluationComparisonPage.Show.IMPROVEMENTS, 1)).isEqualTo(whole.rows().stream()
                .filter(r -> r.change().equals(EvaluationComparison.RowDelta.IMPROVEMENT)).toList());
    }

    @Test
    void aComparisonPageStartsAtTheIndexAskedAndRefusesBadBounds() {
        EvaluationInfo a = evaluation(dataset, scoredRows(4));
        EvaluationInfo b = evaluation(dataset, scoredRows(4));

        EvaluationComparisonPage page = store.evaluations().compareRows(project, a.id(), b.id(),
                EvaluationComparisonPage.Show.ALL, 2, 1);
        EvaluationComparisonPage past = store.evaluations().compareRows(project, a.id(), b.id(),
                EvaluationComparisonPage.Show.ALL, Integer.MAX_VALUE, EvaluationStore.MAX_PAGE);

        assertThat(page.rows()).extracting(EvaluationComparison.RowDelta::index).containsExactly(2);
        assertThat(page.nextIndex()).isEqualTo(3);
        assertThat(past.rows()).isEmpty();
        assertThat(past.nextIndex()).isEqualTo(-1);
        assertThatThrownBy(() -> store.evaluations().compareRows(project, a.id(), b.id(),
                EvaluationComparisonPage.Show.ALL, -1, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fromIndex");
        assertThatThrownBy(() -> store.evaluations().compareRows(project, a.id(), b.id(),
                EvaluationComparisonPage.Show.ALL, 0, EvaluationStore.MAX_PAGE + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> store.evaluations().compareRows(project, a.id(), "nope",
                EvaluationComparisonPage.Show.ALL, 0, 10)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> store.evaluations().compareSummary(project, "nope", b.id()))
                .isInstanceOf(NotFound.class);
    }

    private List<EvaluationComparison.RowDelta> walk(EvaluationInfo a, EvaluationInfo b,
            EvaluationComparisonPage.Show show, int limit) {
        List<EvaluationComparison.RowDelta> out = new ArrayList<>();
        int from = 0;
        while (from >= 0) {
            EvaluationComparisonPage page = store.evaluations().compareRows(project, a.id(), b.id(), show, from, limit);
            assertThat(page.rows().size()).isLessThanOrEqualTo(limit);
            out.addAll(page.rows());
            from = page.nextIndex();
        }
        return out;
    }

    /** Rows passing, failing, without verdict (passed null) and errors, at random. */
    private static EvaluationRowView[] randomRows(java.util.Random random, int n) {
        EvaluationRowView[] out = new EvaluationRowView[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (random.nextInt(4)) {
                case 0 -> row(i, 9.0, true, 100 + i, null);
                case 1 -> row(i, 1.0, false, 100 + i, null);
                case 2 -> row(i, 5.0, null, 100 + i, null);
                default -> row(i, null, null, 100 + i, "boom " + i);
            };
        }
        return out;
    }

    @Test
    void comparisonRefusesDifferentDatasetsAndUnfinishedEvaluations() {
        EvaluationInfo a = evaluation(dataset, scoredRows(4));
        EvaluationInfo b = evaluation(otherDataset, scoredRows(5));
        EvaluationInfo running = create(new NewEvaluation(model, dataset, judge, 1));

        assertThatThrownBy(() -> store.evaluations().compare(project, a.id(), b.id()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different datasets").hasMessageContaining("questions:v1")
                .hasMessageContaining("questions:v2");
        assertThatThrownBy(() -> store.evaluations().compare(project, a.id(), running.id()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("running");
        assertThatThrownBy(() -> store.evaluations().compare(project, a.id(), "nope")).isInstanceOf(NotFound.class);
    }

    @Test
    void creatingAgainWithTheSameIdAndContentAnswersTheFirstEvaluation() {
        NewEvaluation spec = new NewEvaluation(model, dataset, judge, 4);
        EvaluationInfo first = create(spec);
        store.evaluations().appendRows(project, first.id(), List.of(row(0, 1.0, true, 10, null)));

        EvaluationCreation again = store.evaluations().create(project, spec);

        assertThat(again.created()).isFalse();
        assertThat(again.evaluation().id()).isEqualTo(spec.id()).isEqualTo(first.id());
        assertThat(store.evaluations().list(project, 10)).extracting(EvaluationInfo::id).containsExactly(first.id());
        assertThat(store.evaluations().rows(project, first.id(), 0, 10)).hasSize(1);
    }

    @Test
    void reusingAnIdForOtherContentIsAConflict() {
        NewEvaluation spec = new NewEvaluation(model, dataset, judge, 4);
        create(spec);

        assertThatThrownBy(() -> store.evaluations().create(project,
                new NewEvaluation(spec.id(), model, otherDataset, judge, 4)))
                .isInstanceOf(EvaluationConflict.class).hasMessageContaining(spec.id())
                .hasMessageContaining("questions:v1").hasMessageContaining("questions:v2");
        assertThatThrownBy(() -> store.evaluations().create(project, new NewEvaluation(spec.id(), model, dataset, judge, 5)))
                .isInstanceOf(EvaluationConflict.class).hasMessageContaining("parallelism 4");
        ProjectRef other = store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Other");
        Tag otherData = store.datasets().register(other, DatasetUpload.of("questions", "", rows(4))).tag();
        Tag otherJudge = store.judges().register(other, JudgeStoreContract.judge("judge", "a+")).tag();
        assertThatThrownBy(() -> store.evaluations().create(other, new NewEvaluation(spec.id(), model, otherData,
                otherJudge, 4))).isInstanceOf(EvaluationConflict.class).hasMessageContaining("is taken")
                .hasMessageNotContaining("questions");
        assertThat(store.evaluations().list(other, 10)).isEmpty();
    }

    @Test
    void anIdMustBeALowerCaseUuid() {
        assertThatThrownBy(() -> new NewEvaluation("ABC", model, dataset, judge, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id must be a lower-case UUID");
    }

    @Test
    void writesAreHeartbeatsAndASilentEvaluationIsAbandoned() {
        EvaluationInfo e = create(new NewEvaluation(model, dataset, judge, 1));
        assertThat(e.heartbeatAtMicros()).isEqualTo(e.createdAtMicros());
        EvaluationInfo beaten = store.evaluations().heartbeat(project, e.id());
        assertThat(beaten.heartbeatAtMicros()).isGreaterThanOrEqualTo(e.createdAtMicros());
        store.evaluations().appendRows(project, e.id(), List.of(row(0, 1.0, true, 10, null)));
        long last = store.evaluations().find(project, e.id()).orElseThrow().heartbeatAtMicros();
        assertThat(last).isGreaterThanOrEqualTo(beaten.heartbeatAtMicros());
        java.time.Duration silence = java.time.Duration.ofSeconds(90);
        java.time.Instant lastBeat = java.time.Instant.ofEpochSecond(0, last * 1_000);

        assertThat(store.evaluations().abandonSilent(lastBeat.plus(silence), silence)).isZero();
        assertThat(store.evaluations().find(project, e.id()).orElseThrow().status()).isEqualTo(EvaluationInfo.RUNNING);
        assertThat(store.evaluations().abandonSilent(lastBeat.plus(silence).plusNanos(1_000), silence)).isEqualTo(1);
        assertThat(store.evaluations().abandonSilent(lastBeat.plus(silence).plusSeconds(60), silence)).isZero();

        EvaluationInfo abandoned = store.evaluations().find(project, e.id()).orElseThrow();
        assertThat(abandoned.status()).isEqualTo(EvaluationInfo.ABANDONED);
        assertThat(abandoned.failure()).startsWith("no heartbeat since " + lastBeat)
                .contains("abandoned after 90 s");
        assertThat(abandoned.finishedAtMicros()).isEqualTo(last + 90_000_001L);
        assertThat(abandoned.rows()).isNull();
        assertThatThrownBy(() -> store.evaluations().appendRows(project, e.id(), List.of(row(1, 1.0, true, 10, null))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("abandoned");
        assertThatThrownBy(() -> store.evaluations().complete(project, e.id()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("abandoned");
        assertThatThrownBy(() -> store.evaluations().heartbeat(project, e.id()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("abandoned");
        assertThat(store.evaluations().fail(project, e.id(), "too late")).isFalse();
        assertThat(store.evaluations().find(project, e.id()).orElseThrow().failure()).startsWith("no heartbeat since");
        assertThat(store.evaluations().rows(project, e.id(), 0, 10)).hasSize(1);
        assertThatThrownBy(() -> store.evaluations().heartbeat(project, "0192f4a8-7c3e-7d2a-9b1f-2c4d6e8fa0b1"))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void aSweepLeavesFinishedEvaluationsAndOtherProjectsRunningOnesAreSweptToo() {
        EvaluationInfo done = evaluation(dataset, scoredRows(4));
        EvaluationInfo failed = create(new NewEvaluation(model, dataset, judge, 1));
        store.evaluations().fail(project, failed.id(), "judge unavailable");
        ProjectRef other = store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Other");
        Tag otherData = store.datasets().register(other, DatasetUpload.of("questions", "", rows(4))).tag();
        Tag otherJudge = store.judges().register(other, JudgeStoreContract.judge("judge", "a+")).tag();
        EvaluationInfo elsewhere = store.evaluations().create(other, new NewEvaluation(model, otherData, otherJudge, 1))
                .evaluation();

        java.time.Instant muchLater = java.time.Instant.now().plus(java.time.Duration.ofDays(1));
        assertThat(store.evaluations().abandonSilent(muchLater, EvaluationStore.DEFAULT_SILENCE)).isEqualTo(1);

        assertThat(store.evaluations().find(project, done.id()).orElseThrow().status()).isEqualTo(EvaluationInfo.COMPLETE);
        assertThat(store.evaluations().find(project, failed.id()).orElseThrow().status()).isEqualTo(EvaluationInfo.FAILED);
        assertThat(store.evaluations().find(other, elsewhere.id()).orElseThrow().status()).isEqualTo(EvaluationInfo.ABANDONED);
        assertThatThrownBy(() -> store.evaluations().abandonSilent(muchLater, java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("silence must be positive");
    }

    private static RunRecord run(String id, RunAssessment assessment) {
        return new RunRecord(id, "model", "k1", null, null, 1, 2, "main", "{}", "1", "\"Integer\"", null, null, null,
                assessment);
    }

    @Test
    void assessedRunsCarryTheirVerdictAndOtherRunsNone() {
        String judgeId = store.judges().find(project, new org.bighummingbird.core.TagReference("judge", 1)).orElseThrow().id();
        RunAssessment scored = new RunAssessment(judgeId, 7.5, true, null);
        RunAssessment failed = new RunAssessment(judgeId, null, null, "the judge failed: NaN");
        List<RunRecord> runs = List.of(run("00000000-0000-7000-8000-000000000001", scored),
                run("00000000-0000-7000-8000-000000000002", failed), run("00000000-0000-7000-8000-000000000003", null));

        assertThat(store.runs().insert(project, runs)).isEqualTo(3);
        assertThat(store.runs().insert(project, runs)).isZero();

        assertThat(store.runs().assessment(project, runs.get(0).id())).contains(scored);
        assertThat(store.runs().assessment(project, runs.get(1).id())).contains(failed);
        assertThat(store.runs().assessment(project, runs.get(2).id())).isEmpty();
        assertThat(store.runs().list(project, new RunQuery(null, 10))).filteredOn(r -> r.id().equals(runs.get(0).id()))
                .singleElement().satisfies(r -> {
                    assertThat(r.score()).isEqualTo(7.5);
                    assertThat(r.passed()).isTrue();
                });
    }
}
