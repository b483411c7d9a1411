package org.bighummingbird.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.store.DatasetRowView;
import org.bighummingbird.store.DatasetVersionInfo;
import org.bighummingbird.store.EvaluationComparison;
import org.bighummingbird.store.EvaluationInfo;
import org.bighummingbird.store.EvaluationRowView;
import org.bighummingbird.store.EvaluationStore;
import org.bighummingbird.store.JudgeVersion;
import org.bighummingbird.store.ModelPage;
import org.bighummingbird.store.ModelVersionDetail;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.RunPage;
import org.bighummingbird.store.RunQuery;
import org.bighummingbird.store.Store;
import org.bighummingbird.store.StoreException;
import org.slf4j.LoggerFactory;

/**
 * A project opened for reading. Opening never creates a store: a home without {@code bhb.db} is a
 * {@link CommandFailure}, as is a project the store does not hold. Close it when done.
 *
 * @param store the open store
 * @param project the project found in it
 * @param home the store's directory
 */
record StoreAccess(Store store, ProjectRef project, Path home) implements ProjectSource {

    /**
     * Opens the store under the options' home and finds the project.
     *
     * @throws CommandFailure when nothing has been traced under the home, or the project is unknown
     * @throws org.bighummingbird.store.StoreException when the store cannot be opened or read
     */
    static StoreAccess open(StoreOptions options) {
        String name = options.project();
        Path home = options.home();
        Path file = home.resolve(Store.DB_FILE);
        if (!Files.isRegularFile(file)) {
            throw new CommandFailure("nothing has been traced under " + home + " yet: there is no "
                    + Store.DB_FILE + " (pass --home DIR, or set bhb.home or BHB_HOME, to read another store)");
        }
        Store store = Store.openLocal(home);
        try {
            ProjectRef project = store.projects().find(Store.DEFAULT_WORKSPACE, name)
                    .orElseThrow(() -> new CommandFailure("no project \"" + name + "\" in the store at " + home));
            return new StoreAccess(store, project, home);
        } catch (RuntimeException e) {
            try {
                store.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    @Override
    public ModelPage modelsPage(int limit, String cursor) {
        return store.models().page(project, limit, cursor);
    }

    @Override
    public Optional<ModelVersionDetail> version(TagReference tag) {
        return store.models().find(project, tag);
    }

    @Override
    public RunPage runsPage(RunQuery query, String cursor) {
        return store.runs().page(project, query, cursor);
    }

    @Override
    public List<DatasetVersionInfo> datasets() {
        return store.datasets().list(project);
    }

    @Override
    public Optional<DatasetVersionInfo> datasetVersion(TagReference tag) {
        return store.datasets().find(project, tag);
    }

    @Override
    public List<DatasetRowView> datasetRows(Tag tag, int fromIndex, int limit) {
        return store.datasets().rows(project, tag, fromIndex, limit);
    }

    @Override
    public List<JudgeVersion> judges() {
        return store.judges().list(project);
    }

    @Override
    public Optional<JudgeVersion> judge(TagReference tag) {
        return store.judges().find(project, tag);
    }

    @Override
    public List<EvaluationInfo> evaluations(int limit) {
        sweepEvaluations();
        return store.evaluations().list(project, limit);
    }

    @Override
    public Optional<EvaluationInfo> evaluation(String id) {
        sweepEvaluations();
        return store.evaluations().find(project, id);
    }

    // No server sweeps a store file: its readers mark evaluations whose process died abandoned, so
    // that they do not read running for ever. Best effort: a store too busy to sweep is still read.
    private void sweepEvaluations() {
        try {
            store.evaluations().abandonSilent(Instant.now(), EvaluationStore.DEFAULT_SILENCE);
        } catch (StoreException e) {
            LoggerFactory.getLogger(StoreAccess.class).warn("could not mark evaluations without a heartbeat"
                    + " abandoned in {}; listing them as they are", home, e);
        }
    }

    @Override
    public List<EvaluationRowView> evaluationRows(String id, int fromIndex, int limit) {
        return store.evaluations().rows(project, id, fromIndex, limit);
    }

    @Override
    public EvaluationComparison compareEvaluations(String idA, String idB) {
        try {
            return store.evaluations().compare(project, idA, idB);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    @Override
    public CommandFailure missing(String what, TagReference tag) {
        return new CommandFailure("no " + what + " " + tag + " in project \"" + project.name() + "\"");
    }

    @Override
    public void close() {
        store.close();
    }
}
