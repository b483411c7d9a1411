package org.bighummingbird.server.ui;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The dashboard's static files, served from the server's own jar under {@code /assets/…} (no CDN:
 * the dashboard works offline and behind a firewall). Names carry a version, so they are cached for
 * a year and never revalidated. Only the files listed here are served.
 */
final class Assets {
    /** Where the assets live. */
    static final String PREFIX = "/assets/";
    /** The htmx build (2.x, BSD Zero-Clause licence beside it). */
    static final String HTMX = PREFIX + "htmx-2.0.11.min.js";
    /** The style sheet. */
    static final String CSS = PREFIX + "bhb-1.css";
    /** The dashboard's own script. */
    static final String JS = PREFIX + "bhb-1.js";

    private static final Map<String, String> TYPES = Map.of(
            "htmx-2.0.11.min.js", "text/javascript; charset=utf-8",
            "htmx-LICENSE.txt", "text/plain; charset=utf-8",
            "bhb-1.css", "text/css; charset=utf-8",
            "bhb-1.js", "text/javascript; charset=utf-8");
    private final Map<String, byte[]> files;

    Assets() {
        this.files = Map.copyOf(TYPES.keySet().stream().collect(java.util.stream.Collectors.toMap(f -> f, Assets::load)));
    }

    private static byte[] load(String file) {
        try (InputStream in = Assets.class.getResourceAsStream("assets/" + file)) {
            if (in == null) {
                throw new IllegalStateException("asset missing from the jar: " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void serve(Context ctx) {
        String file = ctx.pathParam("file");
        byte[] body = files.get(file);
        if (body == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("no asset " + Params.quote(file));
            return;
        }
        ctx.header("Cache-Control", "public, max-age=31536000, immutable")
                .header("X-Content-Type-Options", "nosniff")
                .contentType(TYPES.get(file))
                .result(body);
    }
}
