package org.bighummingbird.internal.catalog;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bighummingbird.core.DatasetUpload;
import org.bighummingbird.core.JudgeRegistration;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.store.DatasetRowView;
import org.bighummingbird.store.DatasetVersionInfo;
import org.bighummingbird.store.EvaluationComparison;
import org.bighummingbird.store.EvaluationInfo;
import org.bighummingbird.store.EvaluationRowView;
import org.bighummingbird.store.EvaluationStore;
import org.bighummingbird.store.JudgeVersion;
import org.bighummingbird.store.NewEvaluation;
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
        return o.store.datasets().find(o.project, tag);
    }

    @Override
    public List<DatasetRowView> datasetRows(Tag tag, int fromIndex, int limit) {
        Opened o = open();
        return o.store.datasets().rows(o.project, tag, fromIndex, limit);
    }

    @Override
    public Tag registerJudge(JudgeRegistration registration) {
        Opened o = open();
        return o.store.judges().register(o.project, registration).tag();
    }

    @Override
    public Optional<JudgeVersion> judgeVersion(TagReference tag) {
        Opened o = open();
        return o.store.judges().find(o.project, tag);
    }

    @Override
    public EvaluationInfo createEvaluation(NewEvaluation evaluation) {
        Opened o = open();
        return o.store.evaluations().create(o.project, evaluation).evaluation();
    }

    @Override
    public void heartbeatEvaluation(String evaluationId) {
        Opened o = open();
        o.store.evaluations().heartbeat(o.project, evaluationId);
    }

    @Override
    public void appendEvaluationRows(String evaluationId, List<EvaluationRowView> rows) {
        Opened o = open();
        o.store.evaluations().appendRows(o.project, evaluationId, rows);
    }

    @Override
    public EvaluationInfo completeEvaluation(String evaluationId) {
        Opened o = open();
        return o.store.evaluations().complete(o.project, evaluationId);
    }

    @Override
    public boolean failEvaluation(String evaluationId, String reason) {
        Opened o = open();
        return o.store.evaluations().fail(o.project, evaluationId, reason);
    }

    @Override
    public Optional<EvaluationInfo> evaluation(String evaluationId) {
        Opened o = open();
        sweep(o.store);
        return o.store.evaluations().find(o.project, evaluationId);
    }

    @Override
    public List<EvaluationInfo> evaluations(int limit) {
        Opened o = open();
        sweep(o.store);
        return o.store.evaluations().list(o.project, limit);
    }

    @Override
    public List<EvaluationRowView> evaluationRows(String evaluationId, int fromIndex, int limit) {
        Opened o = open();
        return o.store.evaluations().rows(o.project, evaluationId, fromIndex, limit);
    }

    @Override
    public EvaluationComparison compareEvaluations(String idA, String idB) {
        Opened o = open();
        return o.store.evaluations().compare(o.project, idA, idB);
    }

    // No server sweeps an embedded store: its readers do, so that an evaluation whose process died
    // reads abandoned, not running for ever. Best effort: a store too busy to sweep is still read.
    private void sweep(Store s) {
        try {
            s.evaluations().abandonSilent(Instant.now(), EvaluationStore.DEFAULT_SILENCE);
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
