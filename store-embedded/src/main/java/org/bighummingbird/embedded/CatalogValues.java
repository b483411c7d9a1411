package org.bighummingbird.embedded;

import java.util.List;
import java.util.Optional;
import org.bighummingbird.sdk.spi.catalog.DatasetRowView;
import org.bighummingbird.sdk.spi.catalog.DatasetVersionInfo;
import org.bighummingbird.sdk.spi.catalog.EvaluationComparison;
import org.bighummingbird.sdk.spi.catalog.EvaluationInfo;
import org.bighummingbird.sdk.spi.catalog.EvaluationRowView;
import org.bighummingbird.sdk.spi.catalog.JudgeVersion;
import org.bighummingbird.sdk.spi.catalog.NewEvaluation;

/**
 * The store's rows as the SDK's catalog values, and back: the SDK holds no store type, so the
 * embedded back-end translates at its edge, field by field. Stateless.
 */
final class CatalogValues {
    private CatalogValues() {}

    static Optional<DatasetVersionInfo> dataset(Optional<org.bighummingbird.store.DatasetVersionInfo> v) {
        return v.map(d -> new DatasetVersionInfo(d.tag(), d.contentKey(), d.description(), d.rowCount(),
                d.createdAtMicros()));
    }

    static List<DatasetRowView> datasetRows(List<org.bighummingbird.store.DatasetRowView> rows) {
        return rows.stream().map(r -> new DatasetRowView(r.index(), r.inputJson(), r.expectedJson())).toList();
    }

    static Optional<JudgeVersion> judge(Optional<org.bighummingbird.store.JudgeVersion> v) {
        return v.map(j -> new JudgeVersion(j.id(), j.tag(), j.key(), j.kind(), j.description(), j.specJson(),
                j.code(), j.metadataJson(), j.createdAtMicros()));
    }

    static org.bighummingbird.store.NewEvaluation toStore(NewEvaluation e) {
        return new org.bighummingbird.store.NewEvaluation(e.id(), e.modelTag(), e.datasetTag(), e.judgeTag(),
                e.parallelism());
    }

    static EvaluationInfo evaluation(org.bighummingbird.store.EvaluationInfo e) {
        return e == null ? null : new EvaluationInfo(e.id(), e.modelTag(), e.datasetTag(), e.judgeTag(), e.status(),
                e.failure(), e.parallelism(), e.rows(), e.passed(), e.failed(), e.errors(), e.meanScore(),
                e.minScore(), e.maxScore(), e.latencyP50Ns(), e.latencyP95Ns(), e.createdAtMicros(),
                e.finishedAtMicros(), e.heartbeatAtMicros());
    }

    static Optional<EvaluationInfo> evaluation(Optional<org.bighummingbird.store.EvaluationInfo> e) {
        return e.map(CatalogValues::evaluation);
    }

    static List<EvaluationInfo> evaluations(List<org.bighummingbird.store.EvaluationInfo> list) {
        return list.stream().map(CatalogValues::evaluation).toList();
    }

    static EvaluationRowView row(org.bighummingbird.store.EvaluationRowView r) {
        return r == null ? null : new EvaluationRowView(r.index(), r.inputJson(), r.outputJson(), r.score(),
                r.passed(), r.latencyNs(), r.error(), r.runId());
    }

    static List<EvaluationRowView> rows(List<org.bighummingbird.store.EvaluationRowView> rows) {
        return rows.stream().map(CatalogValues::row).toList();
    }

    static List<org.bighummingbird.store.EvaluationRowView> toStore(List<EvaluationRowView> rows) {
        return rows.stream().map(r -> new org.bighummingbird.store.EvaluationRowView(r.index(), r.inputJson(),
                r.outputJson(), r.score(), r.passed(), r.latencyNs(), r.error(), r.runId())).toList();
    }

    static EvaluationComparison comparison(org.bighummingbird.store.EvaluationComparison c) {
        return new EvaluationComparison(evaluation(c.a()), evaluation(c.b()), c.rows().stream()
                .map(r -> new EvaluationComparison.RowDelta(r.index(), row(r.a()), row(r.b()), r.change())).toList(),
                c.regressions(), c.improvements());
    }
}
