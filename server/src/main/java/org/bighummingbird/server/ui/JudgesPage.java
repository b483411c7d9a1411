package org.bighummingbird.server.ui;

import io.javalin.http.Context;
import java.util.List;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.store.EvaluationFilter;
import org.bighummingbird.store.EvaluationInfo;
import org.bighummingbird.store.JudgeVersion;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;

/** {@code …/judges} (every version) and {@code …/judges/{name}/v{N}} (kind, spec or code, its evaluations). */
final class JudgesPage {
    private final Store store;
    private final Pages pages;

    JudgesPage(Store store, Pages pages) {
        this.store = store;
        this.pages = pages;
    }

    /**
     * The judge list.
     *
     * @param project the project's name
     * @param judges every version, by name then version
     */
    public record ListView(String project, List<JudgeVersion> judges) {}

    /**
     * One judge version.
     *
     * @param project the project's name
     * @param judge the version
     * @param code its code as highlighted tokens (empty for declarative judges)
     * @param evaluations the evaluations that used it, newest first
     */
    public record Detail(String project, JudgeVersion judge, List<JavaHighlighter.Token> code,
            List<EvaluationInfo> evaluations) {}

    void list(Context ctx) {
        ProjectRef project = pages.project(ctx);
        pages.render(ctx, "judges.jte", pages.chrome(ctx, "Judges · " + project.name(), project.name(), "judges"),
                new ListView(project.name(), store.judges().list(project)));
    }

    void show(Context ctx) {
        ProjectRef project = pages.project(ctx);
        String name = ctx.pathParam("judge");
        if (!org.bighummingbird.core.Names.isValid(name)) {
            throw UiError.notFound("no judge " + Params.quote(name));
        }
        int version = Params.version("version", ctx.pathParam("version"));
        JudgeVersion judge = store.judges().find(project, new TagReference(name, version)).orElseThrow(() ->
                UiError.notFound("no judge version " + new Tag(name, version) + " in project "
                        + Params.quote(project.name())));
        List<EvaluationInfo> evaluations = store.dashboard().evaluations(project,
                new EvaluationFilter(null, null, null, null, name, version), 100);
        pages.render(ctx, "judge.jte", pages.chrome(ctx, judge.tag() + " · " + project.name(), project.name(), "judges"),
                new Detail(project.name(), judge, JavaHighlighter.tokens(judge.code()), evaluations));
    }
}
