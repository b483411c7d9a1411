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
        project = store.project(Store.DEFAULT_WORKSPACE, "Concept Project");
        model = store.register(project, new VersionRegistration("model", "k1", "f1", "{}", "code", "source", "{}"))
                .tag();
        dataset = store.registerDataset(project, DatasetUpload.of("questions", "", rows(4))).tag();
        otherDataset = store.registerDataset(project, DatasetUpload.of("questions", "", rows(5))).tag();
        judge = store.registerJudge(project, JudgeStoreContract.judge("judge", "a+")).tag();
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

    private EvaluationInfo evaluation(Tag on, EvaluationRowView... rows) {
        EvaluationInfo e = store.createEvaluation(project, new NewEvaluation(model, on, judge, 4));
        store.appendEvaluationRows(project, e.id(), List.of(rows));
        return store.completeEvaluation(project, e.id());
    }

    @Test
    void completingFillsTheSummaryFromTheRows() {
        EvaluationInfo created = store.createEvaluation(project, new NewEvaluation(model, dataset, judge, 8));
        assertThat(created.status()).isEqualTo(EvaluationInfo.RUNNING);
        assertThat(created.rows()).isNull();
        store.appendEvaluationRows(project, created.id(), List.of(row(0, 7.0, true, 100, null),
                row(2, 2.0, false, 300, null)));
        store.appendEvaluationRows(project, created.id(), List.of(row(1, null, null, 200, "model threw"),
                row(3, 9.0, true, 400, null), row(0, 1.0, false, 1, null)));

        EvaluationInfo done = store.completeEvaluation(project, created.id());

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
        List<EvaluationRowView> rows = store.evaluationRows(project, created.id(), 0, 10);
        assertThat(rows).extracting(EvaluationRowView::index).containsExactly(0, 1, 2, 3);
        assertThat(rows.get(0)).isEqualTo(row(0, 7.0, true, 100, null));
        assertThat(rows.get(1)).isEqualTo(row(1, null, null, 200, "model threw"));
        assertThat(store.evaluationRows(project, created.id(), 2, 1)).extracting(EvaluationRowView::index)
                .containsExactly(2);
        assertThat(store.evaluationRows(project, created.id(), 4, 10)).isEmpty();
    }

    @Test
    void failedEvaluationKeepsItsReasonAndTakesNoMoreRows() {
        EvaluationInfo e = store.createEvaluation(project, new NewEvaluation(model, dataset, judge, 1));

        assertThat(store.failEvaluation(project, e.id(), "judge unavailable")).isTrue();
        assertThat(store.failEvaluation(project, e.id(), "again")).isFalse();

        EvaluationInfo failed = store.evaluation(project, e.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(EvaluationInfo.FAILED);
        assertThat(failed.failure()).isEqualTo("judge unavailable");
        assertThat(failed.rows()).isNull();
        assertThatThrownBy(() -> store.appendEvaluationRows(project, e.id(), List.of(row(0, 1.0, true, 1, null))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("failed");
        assertThatThrownBy(() -> store.completeEvaluation(project, e.id()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void emptyEvaluationCompletesWithoutScores() {
        EvaluationInfo e = store.createEvaluation(project, new NewEvaluation(model, dataset, judge, 1));

        EvaluationInfo done = store.completeEvaluation(project, e.id());

        assertThat(done.rows()).isZero();
        assertThat(done.meanScore()).isNull();
        assertThat(done.latencyP50Ns()).isNull();
    }

    @Test
    void unknownVersionsAndIdsAreNotFound() {
        assertThatThrownBy(() -> store.createEvaluation(project,
                new NewEvaluation(model, new Tag("questions", 9), judge, 1)))
                .isInstanceOf(NotFound.class).hasMessageContaining("questions:v9");
        assertThatThrownBy(() -> store.createEvaluation(project,
                new NewEvaluation(model, dataset, new Tag("judge", 9), 1)))
                .isInstanceOf(NotFound.class).hasMessageContaining("judge:v9");
        assertThat(store.evaluation(project, "nope")).isEmpty();
        assertThatThrownBy(() -> store.evaluationRows(project, "nope", 0, 1)).isInstanceOf(NotFound.class);
        ProjectRef other = store.project(Store.DEFAULT_WORKSPACE, "Other");
        EvaluationInfo e = store.createEvaluation(project, new NewEvaluation(model, dataset, judge, 1));
        assertThat(store.evaluation(other, e.id())).isEmpty();
    }

    @Test
    void modelVersionMissingFromTheStoreIsStillNamed() {
        EvaluationInfo e = store.createEvaluation(project,
                new NewEvaluation(new Tag("elsewhere", 3), dataset, judge, 1));

        assertThat(store.evaluation(project, e.id()).orElseThrow().modelTag()).isEqualTo(new Tag("elsewhere", 3));
    }

    @Test
    void listsNewestFirst() {
        EvaluationInfo first = store.createEvaluation(project, new NewEvaluation(model, dataset, judge, 1));
        EvaluationInfo second = store.createEvaluation(project, new NewEvaluation(model, dataset, judge, 1));

        assertThat(store.evaluations(project, 10)).extracting(EvaluationInfo::id)
                .containsExactly(second.id(), first.id());
        assertThat(store.evaluations(project, 1)).hasSize(1);
    }

    @Test
    void comparisonFindsRegressionsImprovementsAndDeltas() {
        EvaluationInfo a = evaluation(dataset, row(0, 7.0, true, 100, null), row(1, 3.0, false, 100, null),
                row(2, 8.0, true, 100, null), row(3, null, null, 100, "boom"));
        EvaluationInfo b = evaluation(dataset, row(0, 4.0, false, 300, null), row(1, 9.0, true, 300, null),
                row(2, 8.5, true, 300, null), row(3, 6.0, true, 300, null));

        EvaluationComparison c = store.compareEvaluations(project, a.id(), b.id());

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
    void comparisonRefusesDifferentDatasetsAndUnfinishedEvaluations() {
        EvaluationInfo a = evaluation(dataset, row(0, 7.0, true, 100, null));
        EvaluationInfo b = evaluation(otherDataset, row(0, 7.0, true, 100, null));
        EvaluationInfo running = store.createEvaluation(project, new NewEvaluation(model, dataset, judge, 1));

        assertThatThrownBy(() -> store.compareEvaluations(project, a.id(), b.id()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different datasets").hasMessageContaining("questions:v1")
                .hasMessageContaining("questions:v2");
        assertThatThrownBy(() -> store.compareEvaluations(project, a.id(), running.id()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("running");
        assertThatThrownBy(() -> store.compareEvaluations(project, a.id(), "nope")).isInstanceOf(NotFound.class);
    }

    private static RunRecord run(String id, RunAssessment assessment) {
        return new RunRecord(id, "model", "k1", null, null, 1, 2, "main", "{}", "1", "\"Integer\"", null, null, null,
                assessment);
    }

    @Test
    void assessedRunsCarryTheirVerdictAndOtherRunsNone() {
        String judgeId = store.judge(project, new org.bighummingbird.core.TagReference("judge", 1)).orElseThrow().id();
        RunAssessment scored = new RunAssessment(judgeId, 7.5, true, null);
        RunAssessment failed = new RunAssessment(judgeId, null, null, "the judge failed: NaN");
        List<RunRecord> runs = List.of(run("00000000-0000-7000-8000-000000000001", scored),
                run("00000000-0000-7000-8000-000000000002", failed), run("00000000-0000-7000-8000-000000000003", null));

        assertThat(store.insertRuns(project, runs)).isEqualTo(3);
        assertThat(store.insertRuns(project, runs)).isZero();

        assertThat(store.runAssessment(project, runs.get(0).id())).contains(scored);
        assertThat(store.runAssessment(project, runs.get(1).id())).contains(failed);
        assertThat(store.runAssessment(project, runs.get(2).id())).isEmpty();
        assertThat(store.runs(project, new RunQuery(null, 10))).filteredOn(r -> r.id().equals(runs.get(0).id()))
                .singleElement().satisfies(r -> {
                    assertThat(r.score()).isEqualTo(7.5);
                    assertThat(r.passed()).isTrue();
                });
    }
}
