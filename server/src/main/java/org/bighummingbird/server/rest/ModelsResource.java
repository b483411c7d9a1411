package org.bighummingbird.server.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.store.ModelVersionDetail;
import org.bighummingbird.store.ModelVersionInfo;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;
import org.bighummingbird.store.json.ViewJson;

/**
 * {@code GET …/models} (as {@code bhb models --json}), {@code GET …/models/{tag}} (as {@code bhb models
 * show TAG --json}) and {@code GET …/tags/{tag}}, which resolves {@code name:latest}.
 */
final class ModelsResource {
    private final Store store;
    private final Lookup lookup;

    ModelsResource(Store store, Lookup lookup) {
        this.store = store;
        this.lookup = lookup;
    }

    void list(Context ctx) {
        ArrayNode versions = Replies.array();
        for (ModelVersionInfo version : store.versions(lookup.project(ctx))) {
            versions.add(ViewJson.version(version));
        }
        Replies.json(ctx, 200, versions);
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
        return store.version(project, tag).orElseThrow(() -> Lookup.noVersion(project, tag));
    }
}
