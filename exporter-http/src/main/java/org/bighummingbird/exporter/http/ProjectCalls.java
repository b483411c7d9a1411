package org.bighummingbird.exporter.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.bighummingbird.core.Backoff;
import org.bighummingbird.core.InvalidName;
import org.bighummingbird.core.InvalidTag;
import org.bighummingbird.core.Tag;
import org.bighummingbird.sdk.spi.SinkRejected;
import org.bighummingbird.sdk.spi.SinkUnavailable;

/**
 * How {@link RemoteCatalog} asks the server about one project: the project found or created first,
 * a call retried while the server is away or busy (up to {@link RemoteCatalog#MAX_ATTEMPTS} times,
 * after a doubling {@link Backoff}, or the server's {@code Retry-After} when longer, both at most
 * {@link RemoteCatalog#MAX_WAIT}), refusals explained (a 401 names the key
 * setting, a 413 the body limit), answers checked. What is asked, and what the answers mean, is
 * {@code RemoteCatalog}'s. Thread-safe.
 */
final class ProjectCalls {
    private final ApiClient api;
    private final String project;
    private final Backoff backoff;
    private volatile boolean closed;

    ProjectCalls(ApiClient api, String project, Duration firstBackoff) {
        this.api = api;
        this.project = project;
        this.backoff = Backoff.of(firstBackoff, RemoteCatalog.MAX_WAIT, RemoteCatalog.MAX_WAIT);
    }

    /** Refuses every later call: the tracker is closed. */
    void close() {
        closed = true;
    }

    JsonNode post(String route, byte[] json, String what) {
        GzipBody body = GzipBody.of(json);
        return withRetries(() -> api.object(explained(() -> api.postToProject(project, route, body, what)), what));
    }

    /** GETs a project's route: the object answered, or empty on a 404 (the project is ensured first). */
    Optional<JsonNode> find(String route, String what) {
        return findAny(route, what).map(node -> {
            if (!node.isObject()) {
                throw Answers.malformed(api.server(), what, "something that is not a JSON object", bytes(node));
            }
            return node;
        });
    }

    /** GETs a project's route: the JSON answered, or empty on a 404 (the project is ensured first). */
    Optional<JsonNode> findAny(String route, String what) {
        return withRetries(() -> explained(() -> {
            api.ensure(project);
            HttpResponse<byte[]> answer = api.get(api.projectRoute(project, route));
            if (answer.statusCode() == 404) {
                return Optional.empty();
            }
            if (!Answers.ok(answer.statusCode())) {
                throw api.failure("the request for " + what + " in project \"" + project + "\"", answer);
            }
            return Optional.of(api.document(answer.body(), what));
        }));
    }

    <T> T withRetries(Supplier<T> call) {
        // the last failure, thrown when the thread is interrupted while waiting to retry it
        SinkUnavailable[] failure = new SinkUnavailable[1];
        try {
            return backoff.<T, RuntimeException>retry(RemoteCatalog.MAX_ATTEMPTS, (number, last) -> {
                if (closed) {
                    throw new IllegalStateException("this BigHummingbird is closed");
                }
                try {
                    return Backoff.Outcome.done(call.get());
                } catch (SinkUnavailable e) {
                    if (last) {
                        throw e;
                    }
                    failure[0] = e;
                    return Backoff.Outcome.again(e.retryAfter());
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            SinkUnavailable cause = failure[0] != null ? failure[0]
                    : new SinkUnavailable("interrupted while calling " + api.server(), null, e);
            cause.addSuppressed(e);
            throw cause;
        }
    }

    // The 401 and 413 a user meets here deserve words of their own; every other refusal says what
    // the server said.
    <T> T explained(Supplier<T> call) {
        try {
            return call.get();
        } catch (SinkRejected e) {
            if (e.status() == 401) {
                throw new SinkRejected(401, e.type(), api.server() + " refused the API key (401 unauthenticated): "
                        + (api.hasKey() ? "it is unknown there, revoked, or malformed" : "none is set")
                        + "; set BHB_API_KEY (or the builder's apiKey) to a key of the project's workspace, made with"
                        + " `bhb keys create --workspace W`");
            }
            if (e.status() == 413) {
                throw new SinkRejected(413, e.type(), e.reason() + "; one request may carry at most the server's"
                        + " body limit (" + RemoteCatalog.MAX_BODY_BYTES + " bytes by default)");
            }
            throw e;
        }
    }

    Tag tag(JsonNode answer, String name, String what) {
        JsonNode tag = answer.get("tag");
        if (tag == null || !tag.isTextual()) {
            throw Answers.malformed(api.server(), what, "no tag", bytes(answer));
        }
        try {
            Tag parsed = Tag.parse(tag.asText());
            if (parsed.name().equals(name)) {
                return parsed;
            }
        } catch (InvalidTag | InvalidName e) {
            // reported below
        }
        throw Answers.malformed(api.server(), what, "an invalid tag or another name's", bytes(answer));
    }

    static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
