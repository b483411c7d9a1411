package org.bighummingbird.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.store.ModelVersionDetail;
import org.bighummingbird.store.ModelVersionInfo;
import org.bighummingbird.store.RunPage;
import org.bighummingbird.store.RunQuery;
import org.bighummingbird.store.RunView;
import org.bighummingbird.store.json.ViewJson;

/** A project read through a server's REST API v1; the documents are {@link ViewJson}'s. */
final class RemoteProject implements ProjectSource {
    private final ServerApi api;
    private final String name;
    private final String path;

    private RemoteProject(ServerApi api, String name) {
        this.api = api;
        this.name = name;
        this.path = "/projects/" + ServerApi.segment(name);
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
    public List<ModelVersionInfo> versions() {
        List<ModelVersionInfo> versions = new ArrayList<>();
        for (JsonNode version : api.get(path + "/models").orElseThrow(this::projectGone)) {
            versions.add(ViewJson.versionFrom(version));
        }
        return versions;
    }

    @Override
    public Optional<ModelVersionDetail> version(TagReference tag) {
        return api.get(path + "/models/" + ServerApi.segment(tag.toString())).map(ViewJson::versionDetailFrom);
    }

    @Override
    public RunPage runsPage(RunQuery query, String cursor) {
        StringBuilder uri = new StringBuilder(path).append("/runs?limit=").append(query.limit());
        if (query.model() != null) {
            uri.append("&model=").append(ServerApi.segment(query.model().toString()));
        }
        if (query.errorsOnly()) {
            uri.append("&errors=true");
        }
        if (query.fromMicros() != null) {
            uri.append("&from=").append(ServerApi.segment(ViewJson.isoInstant(query.fromMicros())));
        }
        if (query.toMicros() != null) {
            uri.append("&to=").append(ServerApi.segment(ViewJson.isoInstant(query.toMicros())));
        }
        if (cursor != null) {
            uri.append("&cursor=").append(ServerApi.segment(cursor));
        }
        JsonNode page = api.get(uri.toString()).orElseThrow(this::projectGone);
        List<RunView> runs = new ArrayList<>();
        for (JsonNode run : page.path("runs")) {
            runs.add(ViewJson.runFrom(run));
        }
        JsonNode next = page.path("nextCursor");
        return new RunPage(runs, next.isTextual() ? next.asText() : null);
    }

    @Override
    public CommandFailure noVersion(TagReference tag) {
        return new CommandFailure("no version " + tag + " in project \"" + Text.oneLine(name) + "\" on the server at "
                + api.url());
    }

    private CommandFailure projectGone() {
        return new CommandFailure("no project \"" + Text.oneLine(name) + "\" on the server at " + api.url());
    }

    @Override
    public void close() {
        // java.net.http.HttpClient has nothing to release on Java 17
    }
}
