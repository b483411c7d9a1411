package org.bighummingbird.server.ui;

import io.javalin.config.JavalinConfig;
import io.javalin.router.EndpointNotFound;
import java.util.Locale;
import org.bighummingbird.server.problem.Problems;
import org.bighummingbird.server.rest.Routes;
import org.bighummingbird.store.Store;

/**
 * Installs the dashboard on the server's Javalin configuration: the pages under {@code /} and
 * {@code /projects/…}, the assets under {@code /assets/…}, and, on a server without authentication,
 * {@link DevAccess}; a browser asking for a path that is no page gets the HTML 404 page. An access
 * handler installed before this one (sessions, login) sets the request's
 * workspace and CSRF token; pages read them through {@link UiRequest}.
 */
public final class Dashboard {
    private Dashboard() {}

    /** Whether a path is a dashboard page (not REST API v1, not an asset). */
    public static boolean isPage(String path) {
        return !path.equals(Routes.PREFIX) && !path.startsWith(Routes.PREFIX + "/") && !path.startsWith(Assets.PREFIX);
    }

    /**
     * Whether a request no route matched gets the dashboard's HTML 404 page rather than a problem
     * document: a browser's (it accepts {@code text/html}) for a path outside {@code /api/} and the
     * assets. API clients, and anything under {@code /api/}, keep the JSON problem.
     */
    static boolean wantsErrorPage(String path, String accept) {
        boolean api = path.equals("/api") || path.startsWith("/api/") || path.startsWith(Assets.PREFIX);
        return !api && accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
    }

    /** Registers the dashboard's routes, answering from {@code store}; {@code auth} as the server runs. */
    public static void install(JavalinConfig cfg, Store store, boolean auth) {
        Pages pages = new Pages(store, auth);
        Assets assets = new Assets();
        cfg.routes.before(new DevAccess(!auth));
        cfg.routes.get(Assets.PREFIX + "{file}", assets::serve);
        // Javalin throws EndpointNotFound only when no route matched; pages' own 404s are rendered by them.
        cfg.routes.exception(EndpointNotFound.class, (e, ctx) -> {
            if (wantsErrorPage(ctx.path(), ctx.header("Accept"))) {
                pages.error(ctx, 404, "no page " + Params.quote(ctx.path()));
            } else {
                Problems.noRoute(ctx);
            }
        });

        ProjectsPage projects = new ProjectsPage(store, pages);
        ModelsPage models = new ModelsPage(store, pages);
        DiffPage diff = new DiffPage(store, pages);
        RunsPage runs = new RunsPage(store, pages);
        EvaluationsPage evaluations = new EvaluationsPage(store, pages);
        DatasetsPage datasets = new DatasetsPage(store, pages);
        JudgesPage judges = new JudgesPage(store, pages);

        String project = "/projects/{project}";
        cfg.routes.get("/", pages.page(projects::list));
        cfg.routes.get(project, pages.page(projects::show));
        cfg.routes.get(project + "/models", pages.page(models::list));
        cfg.routes.get(project + "/models/{model}", pages.page(models::versions));
        cfg.routes.get(project + "/models/{model}/diff", pages.page(diff::show));
        cfg.routes.get(project + "/models/{model}/{version}", pages.page(models::detail));
        cfg.routes.get(project + "/runs", pages.page(runs::list));
        cfg.routes.get(project + "/runs/{run}", pages.page(runs::show));
        cfg.routes.get(project + "/evaluations", pages.page(evaluations::list));
        cfg.routes.get(project + "/evaluations/compare", pages.page(evaluations::compare));
        cfg.routes.get(project + "/evaluations/{id}", pages.page(evaluations::show));
        cfg.routes.get(project + "/datasets", pages.page(datasets::list));
        cfg.routes.get(project + "/datasets/{dataset}/{version}", pages.page(datasets::show));
        cfg.routes.get(project + "/datasets/{dataset}/{version}/rows.jsonl", pages.page(datasets::download));
        cfg.routes.get(project + "/judges", pages.page(judges::list));
        cfg.routes.get(project + "/judges/{judge}/{version}", pages.page(judges::show));
    }
}
