package org.bighummingbird.server.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Set;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.store.ModelPage;
import org.bighummingbird.store.ModelStore;
import org.bighummingbird.store.ModelVersionDetail;
import org.bighummingbird.store.ModelVersionInfo;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;
import org.bighummingbird.store.json.ViewJson;

/**
 * {@code GET …/models?limit=&cursor=} (one page of {@code bhb models --json}, as {@code {"models":[…],
 * "nextCursor": …}}, by name then version, counting no runs), {@code GET …/models/{tag}} (as {@code bhb
 * models show TAG --json}, with the version's run count) and {@code GET …/tags/{tag}}, which resolves
 * {@code name:latest}.
 */
final class ModelsResource {
    static final int DEFAULT_LIMIT = 100;
    private static final Set<String> PARAMETERS = Set.of("limit", "cursor");

    private final Store store;
    private final Lookup lookup;

    ModelsResource(Store store, Lookup lookup) {
        this.store = store;
        this.lookup = lookup;
    }

    void list(Context ctx) {
        ProjectRef project = lookup.project(ctx);
        QueryParameters.requireKnown(ctx, PARAMETERS);
        int limit = QueryParameters.integer(ctx, "limit", 1, ModelStore.MAX_PAGE, DEFAULT_LIMIT);
        ModelPage page;
        try {
            page = store.models().page(project, limit, ctx.queryParam("cursor"));
        } catch (IllegalArgumentException e) {
            throw Fields.invalid("cursor is not one this server made: " + e.getMessage());
        }
        ObjectNode answer = Replies.object();
        ArrayNode versions = answer.putArray("models");
        for (ModelVersionInfo version : page.versions()) {
            versions.add(ViewJson.version(version));
        }
        answer.put("nextCursor", page.nextCursor());
        Replies.json(ctx, 200, answer);
    }

    void show(Context ctx) {
        Replies.json(ctx, 200, ViewJson.versionDetail(detail(ctx)));
    }

    void resolve(Context ctx) {
        Tag tag = detail(ctx).info().tag();
        Replies.json(ctx, 200, Replies.object()
                .put("tag", tag.toString()).put("name", tag.name()).put("version", tag.version()));
    }

    private ModelVersionDetail detail(Context ctx) {
        ProjectRef project = lookup.project(ctx);
        TagReference tag = Lookup.tag(ctx.pathParam("tag"));
        return store.models().find(project, tag).orElseThrow(() -> Lookup.noVersion(project, tag));
    }
}
