package org.bighummingbird.sdk.spi.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bighummingbird.core.Capsule;
import org.bighummingbird.core.DatasetUpload;
import org.bighummingbird.core.JudgeRegistration;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;

/**
 * One project's versioned things other than runs (datasets, judges, evaluations) on some back-end:
 * the embedded store ({@code org.bighummingbird.embedded.LocalCatalog}, in bhb-store-embedded), or a team server
 * ({@code org.bighummingbird.exporter.http.RemoteCatalog}, in bhb-exporter-http). Calls are synchronous, on the caller's
 * thread. Implementations are thread-safe.
 */
public interface Catalog extends AutoCloseable {
    /** Most rows one {@link #datasetRows} call returns. */
    int MAX_PAGE = 10_000;

    /** Registers a dataset version and returns its tag: the existing one when the rows are known. */
    Tag uploadDataset(DatasetUpload upload);

    /** A dataset version's header; {@code name:latest} is the highest version; empty when unknown. */
    Optional<DatasetVersionInfo> datasetVersion(TagReference tag);

    /**
     * Up to {@code limit} (at most {@link #MAX_PAGE}) rows of a version from index {@code fromIndex}
     * on, in order; empty past the end.
     */
    List<DatasetRowView> datasetRows(Tag tag, int fromIndex, int limit);

    /** Registers a judge version and returns its tag: the existing one when the key is known. */
    Tag registerJudge(JudgeRegistration registration);

    /** A judge version; {@code name:latest} is the highest version; empty when unknown. */
    Optional<JudgeVersion> judgeVersion(TagReference tag);

    // Evaluations: created running, rows appended in batches as they finish, then completed (summary
    // computed from the stored rows) or failed with a reason.

    /**
     * Creates a running evaluation under the id it carries; the dataset and judge versions must
     * exist. Idempotent: the evaluation with that id, when a create made it before.
     */
    EvaluationInfo createEvaluation(NewEvaluation evaluation);

    /** Tells the store the evaluation's process is alive; {@link IllegalStateException} when it is not running. */
    void heartbeatEvaluation(String evaluationId);

    /** Appends finished rows to a running evaluation; an index stored already is ignored. */
    void appendEvaluationRows(String evaluationId, List<EvaluationRowView> rows);

    /** Marks a running evaluation complete with its summary, and returns it. */
    EvaluationInfo completeEvaluation(String evaluationId);

    /** Marks a running evaluation failed; false when it had finished already. */
    boolean failEvaluation(String evaluationId, String reason);

    /** One evaluation by id (running ones without a heartbeat for long abandoned first); empty when unknown. */
    Optional<EvaluationInfo> evaluation(String evaluationId);

    /**
     * The project's evaluations, newest first, up to {@code limit} (at most {@link #MAX_PAGE}); running
     * ones without a heartbeat for long are abandoned first.
     */
    List<EvaluationInfo> evaluations(int limit);

    /** Up to {@code limit} (at most {@link #MAX_PAGE}) rows of an evaluation from index {@code fromIndex} on. */
    List<EvaluationRowView> evaluationRows(String evaluationId, int fromIndex, int limit);

    /** Two complete evaluations of one dataset version lined up row by row (B against A). */
    EvaluationComparison compareEvaluations(String idA, String idB);

    // Capsules: what runs a model version again. A back-end that does not keep them says so.

    /**
     * Stores a registered version's capsule unless it has one.
     *
     * @param classFiles the class files of {@code capsule.classes()} by SHA-256 (a back-end may ask
     *     for the ones it lacks only)
     * @throws UnsupportedOperationException when this back-end keeps no capsules
     */
    default void storeCapsule(Tag tag, Capsule capsule, Map<String, byte[]> classFiles) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no capsules");
    }

    /**
     * A model version with its capsule; {@code name:latest} is the highest version; empty when unknown.
     *
     * @throws UnsupportedOperationException when this back-end keeps no capsules
     */
    default Optional<ModelCapsule> modelCapsule(TagReference tag) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no capsules: model versions"
                + " cannot be loaded from it");
    }

    /**
     * A class file of one of the project's capsules, by SHA-256; empty when none of them names it.
     *
     * @throws UnsupportedOperationException when this back-end keeps no capsules
     */
    default Optional<byte[]> classFile(String sha256) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no capsules");
    }

    /** Releases what the catalog holds open; idempotent. */
    @Override
    void close();
}
