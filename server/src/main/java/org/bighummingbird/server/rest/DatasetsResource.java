package org.bighummingbird.server.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import org.bighummingbird.core.DatasetUpload;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.server.problem.ApiProblem;
import org.bighummingbird.server.problem.ProblemType;
import org.bighummingbird.store.DatasetRowView;
import org.bighummingbird.store.DatasetStore;
import org.bighummingbird.store.DatasetVersionInfo;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.RegisteredDataset;
import org.bighummingbird.store.Store;
import org.bighummingbird.store.json.CatalogJson;

/**
 * {@code POST …/datasets} uploads a version (201 new, 200 rows seen before); {@code GET …/datasets}
 * (as {@code bhb datasets --json}), {@code GET …/datasets/{tag}} (the header) and {@code GET
 * …/datasets/{tag}/rows?offset=&limit=} (a page of rows, the tag resolved once per request and
 * named in the answer, so a client pages on {@code name:vN} and never mixes versions).
 */
final class DatasetsResource {
    static final int DEFAULT_PAGE = 1_000;
    private static final Set<String> ROW_PARAMETERS = Set.of("offset", "limit");

    private final Store store;
    private final Lookup lookup;
    private final BodyReader bodies;

    DatasetsResource(Store store, Lookup lookup, BodyReader bodies) {
        this.store = store;
        this.lookup = lookup;
        this.bodies = bodies;
    }

    void upload(Context ctx) {
        ProjectRef project = lookup.project(ctx);
        DatasetUpload upload = bodies.read(ctx, DatasetBody.class).validated();
        RegisteredDataset dataset = store.datasets().register(project, upload);
        Replies.json(ctx, dataset.existed() ? 200 : 201, Replies.object()
                .put("tag", dataset.tag().toString())
                .put("name", dataset.tag().name())
                .put("version", dataset.tag().version())
                .put("existed", dataset.existed())
                .put("rowCount", dataset.rowCount())
                .put("contentKey", upload.contentKey()));
    }

    void list(Context ctx) {
        ArrayNode versions = Replies.array();
        for (DatasetVersionInfo version : store.datasets().list(lookup.project(ctx))) {
            versions.add(CatalogJson.dataset(version));
        }
        Replies.json(ctx, 200, versions);
    }

    void show(Context ctx) {
        Replies.json(ctx, 200, CatalogJson.dataset(version(ctx, lookup.project(ctx))));
    }

    void rows(Context ctx) {
        ProjectRef project = lookup.project(ctx);
        QueryParameters.requireKnown(ctx, ROW_PARAMETERS);
        int offset = QueryParameters.integer(ctx, "offset", 0, Integer.MAX_VALUE, 0);
        int limit = QueryParameters.integer(ctx, "limit", 1, DatasetStore.MAX_PAGE, DEFAULT_PAGE);
        DatasetVersionInfo version = version(ctx, project);
        List<DatasetRowView> rows = store.datasets().rows(project, version.tag(), offset, limit);
        ObjectNode answer = Replies.object().put("tag", version.tag().toString()).put("offset", offset);
        ArrayNode array = answer.putArray("rows");
        for (DatasetRowView row : rows) {
            array.add(CatalogJson.datasetRow(row));
        }
        long next = (long) offset + rows.size();
        if (!rows.isEmpty() && next < version.rowCount()) {
            answer.put("nextOffset", next);
        } else {
            answer.putNull("nextOffset");
        }
        Replies.json(ctx, 200, answer);
    }

    private DatasetVersionInfo version(Context ctx, ProjectRef project) {
        TagReference tag = Lookup.tag(ctx.pathParam("tag"));
        return store.datasets().find(project, tag).orElseThrow(() -> ApiProblem.of(ProblemType.NOT_FOUND,
                "no dataset version " + tag + " in project \"" + project.name() + "\""));
    }
}
