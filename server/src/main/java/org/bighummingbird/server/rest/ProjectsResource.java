package org.bighummingbird.server.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import org.bighummingbird.server.auth.Authentication;
import org.bighummingbird.store.ProjectCreation;
import org.bighummingbird.store.ProjectInfo;
import org.bighummingbird.store.Store;
import org.bighummingbird.store.json.ViewJson;

/** {@code GET /api/v1/projects} lists the workspace's projects; {@code POST} finds or creates one. */
final class ProjectsResource {
    private final Store store;
    private final BodyReader bodies;

    ProjectsResource(Store store, BodyReader bodies) {
        this.store = store;
        this.bodies = bodies;
    }

    void list(Context ctx) {
        ArrayNode projects = Replies.array();
        for (ProjectInfo project : store.projects().list(Authentication.workspace(ctx))) {
            projects.addObject().put("name", project.name()).put("createdAt", ViewJson.isoInstant(project.createdAtMicros()));
        }
        Replies.json(ctx, 200, projects);
    }

    void create(Context ctx) {
        ProjectBody body = bodies.read(ctx, ProjectBody.class);
        String name = Fields.name("name", body.name());
        ProjectCreation creation = store.projects().create(Authentication.workspace(ctx), name);
        Replies.json(ctx, creation.created() ? 201 : 200, Replies.object()
                .put("name", creation.project().name())
                .put("createdAt", ViewJson.isoInstant(creation.createdAtMicros()))
                .put("created", creation.created()));
    }
}
