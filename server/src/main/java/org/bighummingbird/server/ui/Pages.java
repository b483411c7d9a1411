package org.bighummingbird.server.ui;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bighummingbird.core.BhbException;
import org.bighummingbird.core.Names;
import org.bighummingbird.server.log.RequestIds;
import org.bighummingbird.store.NotFound;
import org.bighummingbird.store.ProjectInfo;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;
import org.bighummingbird.store.StoreUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the precompiled templates and turns every failure of a page into an HTML error page:
 * 400 for bad parameters, 404 for what the workspace does not hold, 503 when the store is away,
 * 500 (naming the request id, never a stack trace) for anything else. Thread-safe.
 */
final class Pages {
    private static final Logger LOG = LoggerFactory.getLogger(Pages.class);

    // The jte plugin generates the templates into this package (server/pom.xml), so they see its view types.
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Pages.class.getClassLoader(), Pages.class.getPackageName());
    private final Store store;
    private final boolean auth;

    Pages(Store store, boolean auth) {
        this.store = store;
        this.auth = auth;
    }

    /** A page's work: reads the request and calls {@link #render}. */
    @FunctionalInterface
    interface PageHandler {
        void handle(Context ctx) throws Exception;
    }

    /** {@code handler} with failures shown as error pages. */
    Handler page(PageHandler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (UiError e) {
                error(ctx, e.status(), e.getMessage());
            } catch (NotFound e) {
                error(ctx, 404, e.getMessage());
            } catch (StoreUnavailable e) {
                LOG.warn("request {}: store unavailable: {}", RequestIds.of(ctx.req()), e.getMessage());
                ctx.header("Retry-After", "5");
                error(ctx, 503, "the database is unavailable; retry later");
            } catch (IllegalArgumentException | BhbException e) {
                error(ctx, 400, e.getMessage());
            } catch (Exception e) {
                String id = RequestIds.of(ctx.req());
                LOG.error("request {} failed: {} {}", id, ctx.method(), ctx.req().getRequestURI(), e);
                error(ctx, 500, "internal error; the server log has the details under request id " + id);
            }
        };
    }

    /** The project named in the path, in the request's workspace; a 404 page when it holds none. */
    ProjectRef project(Context ctx) {
        String name = ctx.pathParam("project");
        String workspace = UiRequest.workspace(ctx);
        if (!Names.isValid(name)) {
            throw UiError.notFound("no project " + Params.quote(name));
        }
        return store.projects().find(workspace, name)
                .orElseThrow(() -> UiError.notFound("no project " + Params.quote(name)));
    }

    /** The chrome of a page of {@code project} (null: none) in {@code section}. */
    Chrome chrome(Context ctx, String title, String project, String section) {
        List<String> projects = store.projects().list(UiRequest.workspace(ctx)).stream().map(ProjectInfo::name).toList();
        return new Chrome(title, project, section, projects, UiRequest.csrf(ctx), auth);
    }

    /** Renders {@code template} with the chrome and the page's view as 200. */
    void render(Context ctx, String template, Chrome chrome, Object view) {
        write(ctx, 200, template, chrome, view);
    }

    private void write(Context ctx, int status, String template, Chrome chrome, Object view) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("chrome", chrome);
        params.put("view", view);
        StringOutput out = new StringOutput();
        engine.render(template, params, out);
        ctx.status(status).header("Cache-Control", "no-store").contentType("text/html; charset=utf-8")
                .result(out.toString());
    }

    /** An error page. */
    void error(Context ctx, int status, String message) {
        String workspace = ctx.attribute(UiRequest.WORKSPACE);
        List<String> projects = List.of();
        if (workspace != null && status != 503) {
            try {
                projects = store.projects().list(workspace).stream().map(ProjectInfo::name).toList();
            } catch (RuntimeException e) {
                projects = List.of();
            }
        }
        Chrome chrome = new Chrome(title(status), null, "", projects, UiRequest.csrf(ctx), auth && workspace != null);
        write(ctx, status, "error.jte", chrome, new ErrorView(status, title(status), message));
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Sign in";
            case 404 -> "Not found";
            case 503 -> "Unavailable";
            default -> "Error";
        };
    }

    /**
     * The error page's content.
     *
     * @param status the HTTP status
     * @param title its name
     * @param message what was wrong
     */
    public record ErrorView(int status, String title, String message) {}
}
