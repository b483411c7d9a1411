package org.bighummingbird.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bighummingbird.core.PathSegment;
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
import org.bighummingbird.store.ModelVersionInfo;
import org.bighummingbird.store.RunPage;
import org.bighummingbird.store.RunQuery;
import org.bighummingbird.store.RunView;
import org.bighummingbird.store.json.CatalogJson;
import org.bighummingbird.store.json.EvaluationJson;
import org.bighummingbird.store.json.ViewJson;

/**
 * A project read through a server's REST API v1; the documents are {@link ViewJson}'s, {@link
 * CatalogJson}'s and {@link EvaluationJson}'s.
 */
final class RemoteProject implements ProjectSource {
    private static final Pattern EVALUATION_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private final ServerApi api;
    private final String name;
    private final String path;

    private RemoteProject(ServerApi api, String name) {
        this.api = api;
        this.name = name;
        this.path = "/projects/" + PathSegment.encode(name);
    }

    /**
     * Finds the project among the key's workspace's projects.
     *
     * @throws CommandFailure when the server does not hold it, or cannot be asked
     */
    static RemoteProject open(ServerApi api, String name) {
        JsonNode projects = api.get("/projects").orElseThrow(() -> api.unexpected("GET /projects", 404));
        for (JsonNode project : projects) {
            if (name.equals(project.path("name").asText(null))) {
                return new RemoteProject(api, name);
            }
        }
        throw new CommandFailure("no project \"" + Text.oneLine(name) + "\" on the server at " + api.url());
    }

    @Override
    public ModelPage modelsPage(int limit, String cursor) {
        String uri = path + "/models?limit=" + limit + (cursor == null ? "" : "&cursor=" + PathSegment.encode(cursor));
        JsonNode page = api.get(uri).orElseThrow(this::projectGone);
        List<ModelVersionInfo> versions = new ArrayList<>();
        for (JsonNode version : page.path("models")) {
            versions.add(ViewJson.versionFrom(version));
        }
        JsonNode next = page.path("nextCursor");
        return new ModelPage(versions, next.isTextual() ? next.asText() : null);
    }

    @Override
    public Optional<ModelVersionDetail> version(TagReference tag) {
        return api.get(path + "/models/" + PathSegment.encode(tag.toString())).map(ViewJson::versionDetailFrom);
    }

    @Override
    public RunPage runsPage(RunQuery query, String cursor) {
        StringBuilder uri = new StringBuilder(path).append("/runs?limit=").append(query.limit());
        if (query.model() != null) {
            uri.append("&model=").append(PathSegment.encode(query.model().toString()));
        }
        if (query.errorsOnly()) {
            uri.append("&errors=true");
        }
        if (query.fromMicros() != null) {
            uri.append("&from=").append(PathSegment.encode(ViewJson.isoInstant(query.fromMicros())));
        }
        if (query.toMicros() != null) {
            uri.append("&to=").append(PathSegment.encode(ViewJson.isoInstant(query.toMicros())));
        }
        if (cursor != null) {
            uri.append("&cursor=").append(PathSegment.encode(cursor));
        }
        // the project was there when this opened, so a 404 for a filtered page is the model's
        JsonNode page = api.get(uri.toString())
                .orElseThrow(() -> query.model() != null ? noVersion(query.model()) : projectGone());
        List<RunView> runs = new ArrayList<>();
        for (JsonNode run : page.path("runs")) {
            runs.add(ViewJson.runFrom(run));
        }
        JsonNode next = page.path("nextCursor");
        return new RunPage(runs, next.isTextual() ? next.asText() : null);
    }

    @Override
    public List<DatasetVersionInfo> datasets() {
        List<DatasetVersionInfo> versions = new ArrayList<>();
        for (JsonNode version : api.get(path + "/datasets").orElseThrow(this::projectGone)) {
            versions.add(CatalogJson.datasetFrom(version));
        }
        return versions;
    }

    @Override
    public Optional<DatasetVersionInfo> datasetVersion(TagReference tag) {
        return api.get(path + "/datasets/" + PathSegment.encode(tag.toString())).map(CatalogJson::datasetFrom);
    }

    @Override
    public List<DatasetRowView> datasetRows(Tag tag, int fromIndex, int limit) {
        JsonNode page = api.get(path + "/datasets/" + PathSegment.encode(tag.toString()) + "/rows?offset=" + fromIndex
                + "&limit=" + limit).orElseThrow(() -> missing("dataset version", TagReference.parse(tag.toString())));
        List<DatasetRowView> rows = new ArrayList<>();
        for (JsonNode row : page.path("rows")) {
            rows.add(CatalogJson.datasetRowFrom(row));
        }
        return rows;
    }

    @Override
    public List<JudgeVersion> judges() {
        List<JudgeVersion> judges = new ArrayList<>();
        for (JsonNode judge : api.get(path + "/judges").orElseThrow(this::projectGone)) {
            judges.add(CatalogJson.judgeFrom(judge));
        }
        return judges;
    }

    @Override
    public Optional<JudgeVersion> judge(TagReference tag) {
        return api.get(path + "/judges/" + PathSegment.encode(tag.toString())).map(CatalogJson::judgeFrom);
    }

    @Override
    public List<EvaluationInfo> evaluations(int limit) {
        List<EvaluationInfo> evaluations = new ArrayList<>();
        for (JsonNode e : api.get(path + "/evaluations?limit=" + limit).orElseThrow(this::projectGone)) {
            evaluations.add(EvaluationJson.evaluationFrom(e));
        }
        return evaluations;
    }

    @Override
    public Optional<EvaluationInfo> evaluation(String id) {
        // the server refuses an id of another form (400); no evaluation has one
        if (!EVALUATION_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return api.get(path + "/evaluations/" + id).map(EvaluationJson::evaluationFrom);
    }

    @Override
    public List<EvaluationRowView> evaluationRows(String id, int fromIndex, int limit) {
        JsonNode page = api.get(path + "/evaluations/" + PathSegment.encode(id) + "/rows?offset=" + fromIndex + "&limit="
                + limit).orElseThrow(() -> new CommandFailure("no evaluation " + Text.oneLine(id) + " in project \""
                        + Text.oneLine(name) + "\" on the server at " + api.url()));
        List<EvaluationRowView> rows = new ArrayList<>();
        for (JsonNode row : page.path("rows")) {
            rows.add(EvaluationJson.rowFrom(row));
        }
        return rows;
    }

    @Override
    public EvaluationComparison compareEvaluations(String idA, String idB) {
        JsonNode comparison = api.get(path + "/evaluations/compare?a=" + PathSegment.encode(idA) + "&b="
                + PathSegment.encode(idB)).orElseThrow(() -> new CommandFailure("no evaluation " + Text.oneLine(idA)
                        + " or " + Text.oneLine(idB) + " in project \"" + Text.oneLine(name) + "\" on the server at "
                        + api.url()));
        return EvaluationJson.comparisonFrom(comparison);
    }

    @Override
    public CommandFailure missing(String what, TagReference tag) {
        return new CommandFailure("no " + what + " " + tag + " in project \"" + Text.oneLine(name)
                + "\" on the server at " + api.url());
    }

    private CommandFailure projectGone() {
        return new CommandFailure("no project \"" + Text.oneLine(name) + "\" on the server at " + api.url());
    }

    @Override
    public void close() {
        // java.net.http.HttpClient has nothing to release on Java 17
    }
}
