package org.bighummingbird.server.rest;

import io.javalin.http.Context;
import org.bighummingbird.core.InvalidTag;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.server.auth.Authentication;
import org.bighummingbird.server.problem.ApiProblem;
import org.bighummingbird.server.problem.ProblemType;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;

/**
 * Path parameters to store objects, scoped to the request's workspace: another workspace's project
 * is as missing as one that never existed.
 */
final class Lookup {
    private final Store store;

    Lookup(Store store) {
        this.store = store;
    }

    ProjectRef project(Context ctx) {
        String name = Fields.name("project name", ctx.pathParam("project"));
        return store.projects().find(Authentication.workspace(ctx), name)
                .orElseThrow(() -> ApiProblem.of(ProblemType.NOT_FOUND, "no project \"" + name + "\""));
    }

    static TagReference tag(String text) {
        try {
            return TagReference.parse(text);
        } catch (InvalidTag e) {
            throw ApiProblem.of(ProblemType.INVALID_TAG, e.getMessage());
        }
    }

    static ApiProblem noVersion(ProjectRef project, TagReference tag) {
        return ApiProblem.of(ProblemType.NOT_FOUND, "no version " + tag + " in project \"" + project.name() + "\"");
    }
}
