package org.bighummingbird.internal.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.bighummingbird.core.InvalidName;
import org.bighummingbird.core.InvalidTag;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.spi.RunSink;
import org.bighummingbird.spi.SinkRejected;
import org.bighummingbird.spi.SinkUnavailable;

/**
 * The team server as a sink, over its REST API v1 ({@code docs/api.md}) with {@link ApiClient}'s
 * plumbing (gzip, the key, projects ensured once and again after a 404); splits runs into requests
 * the server takes ({@link RunBodies}). Failures are
 * {@link SinkUnavailable} or {@link SinkRejected} (see {@link Answers}). Used by the exporter
 * thread only; not thread-safe.
 */
public final class HttpSink implements RunSink {
    private final ApiClient api;
    private final String server;

    /**
     * A sink for the server at {@code url}; opens no connection until the first call.
     *
     * @param apiKey the API key, or null to send no {@code Authorization} header (a server run
     *     with {@code --no-auth})
     * @param connectTimeout how long to wait for a connection
     * @param requestTimeout how long to wait for an answer, from the request's start
     */
    public HttpSink(ServerUrl url, String apiKey, Duration connectTimeout, Duration requestTimeout) {
        this.api = new ApiClient(url, apiKey, connectTimeout, requestTimeout);
        this.server = api.server();
    }

    @Override
    public Tag register(String project, VersionRegistration registration) {
        String what = "the registration of model \"" + registration.modelName() + "\"";
        JsonNode answer = api.object(api.postToProject(project, "versions", api.json(registration), what), what);
        JsonNode tag = answer.get("tag");
        if (tag == null || !tag.isTextual()) {
            throw Answers.malformed(server, what, "no tag", utf8(answer.toString()));
        }
        try {
            Tag parsed = Tag.parse(tag.asText());
            if (!parsed.name().equals(registration.modelName())) {
                throw Answers.malformed(server, what, "the tag of another model", utf8(tag.asText()));
            }
            return parsed;
        } catch (InvalidTag | InvalidName e) {
            throw Answers.malformed(server, what, "an invalid tag (" + e.getMessage() + ")",
                    utf8(tag.asText()));
        }
    }

    @Override
    public void write(String project, List<RunRecord> runs) {
        if (runs.isEmpty()) {
            return;
        }
        List<RunBodies.Body> bodies;
        try {
            bodies = RunBodies.split(api.mapper(), runs);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write runs as JSON", e);
        }
        SinkRejected first = null;
        int refused = 0;
        for (RunBodies.Body body : bodies) {
            String what = body.runs() == 1 ? "1 run" : body.runs() + " runs";
            try {
                JsonNode answer = api.object(api.postToProject(project, "runs", body.json(), what), what);
                if (answer.path("received").asLong(-1) != body.runs()) {
                    throw Answers.malformed(server, what, "a count other than " + body.runs(),
                            utf8(answer.toString()));
                }
            } catch (SinkRejected e) {
                // the other requests' runs are good: send them, and say afterwards how many were refused
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
                refused += body.runs();
            }
        }
        if (first != null) {
            SinkRejected rejected = new SinkRejected(first.status(), first.type(), first.reason(), refused);
            for (Throwable other : first.getSuppressed()) {
                rejected.addSuppressed(other);
            }
            throw rejected;
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return server;
    }
}
