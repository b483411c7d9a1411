package org.bighummingbird.server.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import org.bighummingbird.core.JudgeRegistration;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.server.problem.ApiProblem;
import org.bighummingbird.server.problem.ProblemType;
import org.bighummingbird.store.JudgeVersion;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.RegisteredJudge;
import org.bighummingbird.store.Store;
import org.bighummingbird.store.json.CatalogJson;

/**
 * {@code POST …/judges} registers a judge version (201 new key, 200 known key; the server derives
 * the key, see {@link JudgeBody}); {@code GET …/judges} (as {@code bhb judges --json}) and {@code
 * GET …/judges/{tag}} (as {@code bhb judges show TAG --json}).
 */
final class JudgesResource {
    private final Store store;
    private final Lookup lookup;
    private final BodyReader bodies;

    JudgesResource(Store store, Lookup lookup, BodyReader bodies) {
        this.store = store;
        this.lookup = lookup;
        this.bodies = bodies;
    }

    void register(Context ctx) {
        ProjectRef project = lookup.project(ctx);
        JudgeRegistration registration = bodies.read(ctx, JudgeBody.class).validated();
        RegisteredJudge judge = store.judges().register(project, registration);
        Replies.json(ctx, judge.existed() ? 200 : 201, Replies.object()
                .put("tag", judge.tag().toString())
                .put("name", judge.tag().name())
                .put("version", judge.tag().version())
                .put("existed", judge.existed())
                .put("key", registration.key()));
    }

    void list(Context ctx) {
        ArrayNode judges = Replies.array();
        for (JudgeVersion judge : store.judges().list(lookup.project(ctx))) {
            judges.add(CatalogJson.judge(judge));
        }
        Replies.json(ctx, 200, judges);
    }

    void show(Context ctx) {
        ProjectRef project = lookup.project(ctx);
        TagReference tag = Lookup.tag(ctx.pathParam("tag"));
        JudgeVersion judge = store.judges().find(project, tag).orElseThrow(() -> ApiProblem.of(ProblemType.NOT_FOUND,
                "no judge version " + tag + " in project \"" + project.name() + "\""));
        Replies.json(ctx, 200, CatalogJson.judgeDetail(judge));
    }
}
