package org.bighummingbird.embedded;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bighummingbird.core.DatasetUpload;
import org.bighummingbird.core.JudgeRegistration;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;
import java.util.function.Supplier;
import org.bighummingbird.sdk.spi.catalog.Catalog;
import org.bighummingbird.sdk.spi.catalog.DatasetRowView;
import org.bighummingbird.sdk.spi.catalog.DatasetVersionInfo;
import org.bighummingbird.sdk.spi.catalog.EvaluationComparison;
import org.bighummingbird.sdk.spi.catalog.EvaluationInfo;
import org.bighummingbird.sdk.spi.catalog.EvaluationRowView;
import org.bighummingbird.sdk.spi.catalog.JudgeVersion;
import org.bighummingbird.sdk.spi.catalog.NewEvaluation;
import org.bighummingbird.sdk.spi.catalog.NotFound;
import org.bighummingbird.core.Capsule;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.sdk.spi.catalog.ModelCapsule;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;
import org.bighummingbird.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store as a catalog; reading evaluations first marks those without a heartbeat for
 * {@link org.bighummingbird.store.EvaluationStore#DEFAULT_SILENCE} abandoned. Opens its own connection to the store under
 * {@code home} on first use (a program that never touches datasets or judges pays nothing) and
 * closes it on {@link #close()}. Thread-safe: the store is; opening is guarded.
 */
public final class LocalCatalog implements Catalog {
    private static final Logger LOG = LoggerFactory.getLogger(LocalCatalog.class);

    private final Path home;
    private final String project;
    private Store store;
    private ProjectRef projectRef;
    private boolean closed;
    private volatile boolean sweepFailed;

    public LocalCatalog(Path home, String project) {
        this.home = home;
        this.project = project;
    }

    @Override
    public Tag uploadDataset(DatasetUpload upload) {
        Opened o = open();
        return o.store.datasets().register(o.project, upload).tag();
    }

    @Override
    public Optional<DatasetVersionInfo> datasetVersion(TagReference tag) {
        Opened o = open();
        return CatalogValues.dataset(o.store.datasets().find(o.project, tag));
    }

    @Override
    public List<DatasetRowView> datasetRows(Tag tag, int fromIndex, int limit) {
        Opened o = open();
        return CatalogValues.datasetRows(o.store.datasets().rows(o.project, tag, fromIndex, limit));
    }

    @Override
    public Tag registerJudge(JudgeRegistration registration) {
        Opened o = open();
        return o.store.judges().register(o.project, registration).tag();
    }

    @Override
    public Optional<JudgeVersion> judgeVersion(TagReference tag) {
        Opened o = open();
        return CatalogValues.judge(o.store.judges().find(o.project, tag));
    }

    @Override
    public EvaluationInfo createEvaluation(NewEvaluation evaluation) {
        Opened o = open();
        return translated(() -> CatalogValues.evaluation(
                o.store.evaluations().create(o.project, CatalogValues.toStore(evaluation)).evaluation()));
    }

    @Override
    public void heartbeatEvaluation(String evaluationId) {
        Opened o = open();
        translated(() -> o.store.evaluations().heartbeat(o.project, evaluationId));
    }

    @Override
    public void appendEvaluationRows(String evaluationId, List<EvaluationRowView> rows) {
        Opened o = open();
        translated(() -> o.store.evaluations().appendRows(o.project, evaluationId, CatalogValues.toStore(rows)));
    }

    @Override
    public EvaluationInfo completeEvaluation(String evaluationId) {
        Opened o = open();
        return translated(() -> CatalogValues.evaluation(o.store.evaluations().complete(o.project, evaluationId)));
    }

    @Override
    public boolean failEvaluation(String evaluationId, String reason) {
        Opened o = open();
        return translated(() -> o.store.evaluations().fail(o.project, evaluationId, reason));
    }

    @Override
    public Optional<EvaluationInfo> evaluation(String evaluationId) {
        Opened o = open();
        sweep(o.store);
        return CatalogValues.evaluation(o.store.evaluations().find(o.project, evaluationId));
    }

    @Override
    public List<EvaluationInfo> evaluations(int limit) {
        Opened o = open();
        sweep(o.store);
        return CatalogValues.evaluations(o.store.evaluations().list(o.project, limit));
    }

    @Override
    public List<EvaluationRowView> evaluationRows(String evaluationId, int fromIndex, int limit) {
        Opened o = open();
        return translated(() -> CatalogValues.rows(o.store.evaluations().rows(o.project, evaluationId, fromIndex, limit)));
    }

    @Override
    public EvaluationComparison compareEvaluations(String idA, String idB) {
        Opened o = open();
        return translated(() -> CatalogValues.comparison(o.store.evaluations().compare(o.project, idA, idB)));
    }

    /** Runs a store call, saying "not found" as the catalog does. */
    @Override
    public void storeCapsule(Tag tag, Capsule capsule, Map<String, byte[]> classFiles) {
        Opened o = open();
        translated(() -> o.store.capsules().put(o.project, tag, capsule, classFiles));
    }

    @Override
    public Optional<ModelCapsule> modelCapsule(TagReference tag) {
        Opened o = open();
        return translated(() -> o.store.capsules().find(o.project, tag).flatMap(found -> o.store.models()
                .find(o.project, new TagReference(found.tag().name(), found.tag().version()))
                .map(detail -> new ModelCapsule(found.tag(), new VersionRegistration(found.tag().name(),
                        detail.info().versionKey(), detail.info().codeFingerprint(), detail.info().signatureJson(),
                        detail.code(), detail.codeKind(), detail.metadataJson()), found.capsule()))));
    }

    @Override
    public Optional<byte[]> classFile(String sha256) {
        Opened o = open();
        return translated(() -> o.store.capsules().classFile(o.project, sha256));
    }

    private static <T> T translated(Supplier<T> call) {
        try {
            return call.get();
        } catch (org.bighummingbird.store.NotFound e) {
            throw new NotFound(e.getMessage());
        }
    }

    private static void translated(Runnable call) {
        translated(() -> {
            call.run();
            return null;
        });
    }

    // No server sweeps an embedded store: its readers do, so that an evaluation whose process died
    // reads abandoned, not running for ever. Best effort: a store too busy to sweep is still read.
    private void sweep(Store s) {
        try {
            s.evaluations().abandonSilent(Instant.now(), org.bighummingbird.store.EvaluationStore.DEFAULT_SILENCE);
            sweepFailed = false;
        } catch (StoreException e) {
            if (!sweepFailed) {
                LOG.warn("could not mark evaluations without a heartbeat abandoned in {}; reading them as they are",
                        home, e);
                sweepFailed = true;
            }
        }
    }

    private synchronized Opened open() {
        if (closed) {
            throw new IllegalStateException("this BigHummingbird is closed");
        }
        if (store == null) {
            Store opened = Store.openLocal(home);
            try {
                projectRef = opened.projects().findOrCreate(Store.DEFAULT_WORKSPACE, project);
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            store = opened;
        }
        return new Opened(store, projectRef);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (store != null) {
            store.close();
            store = null;
        }
    }

    private record Opened(Store store, ProjectRef project) {}
}
