package org.bighummingbird.sdk;

import java.util.List;
import java.util.Optional;
import org.bighummingbird.core.DatasetUpload;
import org.bighummingbird.core.JudgeRegistration;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.sdk.spi.catalog.Catalog;
import org.bighummingbird.sdk.spi.catalog.DatasetRowView;
import org.bighummingbird.sdk.spi.catalog.DatasetVersionInfo;
import org.bighummingbird.sdk.spi.catalog.EvaluationComparison;
import org.bighummingbird.sdk.spi.catalog.EvaluationInfo;
import org.bighummingbird.sdk.spi.catalog.EvaluationRowView;
import org.bighummingbird.sdk.spi.catalog.JudgeVersion;
import org.bighummingbird.sdk.spi.catalog.NewEvaluation;

/**
 * The catalog beside a custom sink when the embedded store is not on the class path: every call
 * says what to add. Tracing works without it. Stateless.
 */
final class UnavailableCatalog implements Catalog {
    private static final String WHY = "datasets, judges and evaluations beside a custom sink live in the embedded"
            + " store, which is not on the class path: add org.bighummingbird:bhb-store-embedded (or bhb-client)";

    private static IllegalStateException unavailable() {
        return new IllegalStateException(WHY);
    }

    @Override
    public Tag uploadDataset(DatasetUpload upload) {
        throw unavailable();
    }

    @Override
    public Optional<DatasetVersionInfo> datasetVersion(TagReference tag) {
        throw unavailable();
    }

    @Override
    public List<DatasetRowView> datasetRows(Tag tag, int fromIndex, int limit) {
        throw unavailable();
    }

    @Override
    public Tag registerJudge(JudgeRegistration registration) {
        throw unavailable();
    }

    @Override
    public Optional<JudgeVersion> judgeVersion(TagReference tag) {
        throw unavailable();
    }

    @Override
    public EvaluationInfo createEvaluation(NewEvaluation evaluation) {
        throw unavailable();
    }

    @Override
    public void heartbeatEvaluation(String evaluationId) {
        throw unavailable();
    }

    @Override
    public void appendEvaluationRows(String evaluationId, List<EvaluationRowView> rows) {
        throw unavailable();
    }

    @Override
    public EvaluationInfo completeEvaluation(String evaluationId) {
        throw unavailable();
    }

    @Override
    public boolean failEvaluation(String evaluationId, String reason) {
        throw unavailable();
    }

    @Override
    public Optional<EvaluationInfo> evaluation(String evaluationId) {
        throw unavailable();
    }

    @Override
    public List<EvaluationInfo> evaluations(int limit) {
        throw unavailable();
    }

    @Override
    public List<EvaluationRowView> evaluationRows(String evaluationId, int fromIndex, int limit) {
        throw unavailable();
    }

    @Override
    public EvaluationComparison compareEvaluations(String idA, String idB) {
        throw unavailable();
    }

    @Override
    public void close() {}
}
