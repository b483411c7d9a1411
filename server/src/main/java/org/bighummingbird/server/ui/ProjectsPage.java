package org.bighummingbird.server.ui;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.ProjectSummary;
import org.bighummingbird.store.Store;

/** {@code /}: the workspace's projects (a single project goes straight to it), and the project switcher. */
final class ProjectsPage {
    private final Store store;
    private final Pages pages;

    ProjectsPage(Store store, Pages pages) {
        this.store = store;
        this.pages = pages;
    }

    /**
     * The project list.
     *
     * @param projects the projects with their totals
     */
    public record View(List<ProjectSummary> projects) {}

    void list(Context ctx) {
        String workspace = UiRequest.workspace(ctx);
        String wanted = new Params(ctx).text("project");
        List<ProjectSummary> projects = store.dashboard().projects(workspace);
        if (wanted != null) {
            // The switcher's form: only a project of this workspace is a destination.
            if (projects.stream().noneMatch(p -> p.name().equals(wanted))) {
                throw UiError.notFound("no project " + Params.quote(wanted));
            }
            ctx.redirect(Links.models(wanted), HttpStatus.SEE_OTHER);
            return;
        }
        if (projects.size() == 1) {
            ctx.redirect(Links.models(projects.get(0).name()), HttpStatus.SEE_OTHER);
            return;
        }
        pages.render(ctx, "projects.jte", pages.chrome(ctx, "Projects", null, ""), new View(projects));
    }

    void show(Context ctx) {
        ProjectRef project = pages.project(ctx);
        ctx.redirect(Links.models(project.name()), HttpStatus.SEE_OTHER);
    }
}
