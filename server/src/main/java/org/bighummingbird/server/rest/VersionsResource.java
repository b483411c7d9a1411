package org.bighummingbird.server.rest;

import io.javalin.http.Context;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.RegisteredVersion;
import org.bighummingbird.store.Store;

/** {@code POST …/versions}: registers a model version; 201 for a new key, 200 for a key seen before. */
final class VersionsResource {
    private final Store store;
    private final Lookup lookup;
    private final BodyReader bodies;

    VersionsResource(Store store, Lookup lookup, BodyReader bodies) {
        this.store = store;
        this.lookup = lookup;
        this.bodies = bodies;
    }

    void register(Context ctx) {
        ProjectRef project = lookup.project(ctx);
        VersionRegistration registration = bodies.read(ctx, RegistrationBody.class).validated();
        RegisteredVersion version = store.models().register(project, registration);
        Replies.json(ctx, version.existed() ? 200 : 201, Replies.object()
                .put("tag", version.tag().toString())
                .put("name", version.tag().name())
                .put("version", version.tag().version())
                .put("existed", version.existed()));
    }
}
