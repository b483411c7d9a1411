package org.bighummingbird.server.ui.access;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the access pages from the templates under {@code src/main/jte/access}, compiled at build
 * time with HTML escaping of every value. Thread-safe.
 */
final class Pages {
    // The jte plugin generates the templates under the dashboard's package (server/pom.xml): access/*.jte
    // become classes of this package.
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Pages.class.getClassLoader(), "org.bighummingbird.server.ui");

    private Pages() {}

    /** Answers {@code status} with the template {@code access/<name>.jte} filled from name/value pairs. */
    static void render(Context ctx, int status, String name, Object... params) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            values.put((String) params[i], params[i + 1]);
        }
        StringOutput out = new StringOutput();
        ENGINE.render("access/" + name + ".jte", values, out);
        ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
    }

    /** Answers {@code status} with a page that says {@code message}, in the request's workspace if any. */
    static void message(Context ctx, int status, String title, String message) {
        render(ctx, status, "message", "title", title, "message", message,
                "csrf", ctx.attribute(DashboardAccess.CSRF_ATTRIBUTE),
                "workspace", ctx.attribute(DashboardAccess.WORKSPACE_ATTRIBUTE));
    }
}
