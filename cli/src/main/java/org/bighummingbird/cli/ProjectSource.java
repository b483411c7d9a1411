package org.bighummingbird.cli;

import java.util.List;
import java.util.Optional;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.store.DatasetRowView;
import org.bighummingbird.store.DatasetVersionInfo;
import org.bighummingbird.store.EvaluationComparison;
import org.bighummingbird.store.EvaluationInfo;
import org.bighummingbird.store.EvaluationRowView;
import org.bighummingbird.store.JudgeVersion;
import org.bighummingbird.store.ModelPage;
import org.bighummingbird.store.ModelVersionDetail;
import org.bighummingbird.store.RunPage;
import org.bighummingbird.store.RunQuery;

/**
 * Where {@code bhb models}, {@code runs}, {@code datasets}, {@code judges} and {@code evals} read a project: the embedded store under the home,
 * or a server's REST API when {@code BHB_URL} is set (and no {@code --home} says otherwise). Both
 * answer with the same views, so a command prints the same thing either way. Close it when done.
 */
interface ProjectSource extends AutoCloseable {

    /**
     * Opens the project the options name: on the server at {@code bhb.url} / {@code BHB_URL} with
     * the key in {@code bhb.apiKey} / {@code BHB_API_KEY} when a URL is set and {@code --home} is
     * not given, else in the embedded store.
     *
     * @throws CommandFailure when the project (or the store, or the server) is not there
     */
    static ProjectSource open(StoreOptions options) {
        String url = options.home == null ? ServerSettings.url() : null;
        if (url != null) {
            return RemoteProject.open(new ServerApi(url, ServerSettings.apiKey()), options.project());
        }
        return StoreAccess.open(options);
    }

    /** A page of model versions, by name then version; see {@link org.bighummingbird.store.ModelStore#page}. */
    ModelPage modelsPage(int limit, String cursor);

    /** One version with its code, metadata and output shapes; {@code name:latest} allowed. */
    Optional<ModelVersionDetail> version(TagReference tag);

    /** A page of runs, newest first; see {@link org.bighummingbird.store.RunStore#page}. */
    RunPage runsPage(RunQuery query, String cursor);

    /** Every version of every dataset, by name then version. */
    List<DatasetVersionInfo> datasets();

    /** One dataset version's header; {@code name:latest} allowed. */
    Optional<DatasetVersionInfo> datasetVersion(TagReference tag);

    /** Up to {@code limit} rows of a version from index {@code fromIndex} on; empty past the end. */
    List<DatasetRowView> datasetRows(Tag tag, int fromIndex, int limit);

    /** Every version of every judge, by name then version. */
    List<JudgeVersion> judges();

    /** One judge version with its code and metadata; {@code name:latest} allowed. */
    Optional<JudgeVersion> judge(TagReference tag);

    /** The project's evaluations, newest first, up to {@code limit}. */
    List<EvaluationInfo> evaluations(int limit);

    /** One evaluation by id; empty when the project has none with that id. */
    Optional<EvaluationInfo> evaluation(String id);

    /** Up to {@code limit} rows of an evaluation from row index {@code fromIndex} on; empty past the end. */
    List<EvaluationRowView> evaluationRows(String id, int fromIndex, int limit);

    /**
     * Two complete evaluations of one dataset version lined up row by row (B against A).
     *
     * @throws CommandFailure when they cannot be compared (not complete, other datasets), saying why
     */
    EvaluationComparison compareEvaluations(String idA, String idB);

    /**
     * The failure for a version this project does not hold.
     *
     * @param what {@code version} (of a model), {@code dataset version} or {@code judge version}
     */
    CommandFailure missing(String what, TagReference tag);

    /** The failure for a model version this project does not hold. */
    default CommandFailure noVersion(TagReference tag) {
        return missing("version", tag);
    }

    @Override
    void close();
}
