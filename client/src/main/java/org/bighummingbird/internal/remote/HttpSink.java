package org.bighummingbird.internal.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.bighummingbird.core.InvalidName;
import org.bighummingbird.core.InvalidTag;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.internal.export.Json;
import org.bighummingbird.spi.RunSink;
import org.bighummingbird.spi.SinkRejected;
import org.bighummingbird.spi.SinkUnavailable;

/**
 * The team server as a sink, over its REST API v1 ({@code docs/api.md}): gzip-compressed JSON
 * bodies, {@code Authorization: Bearer <key>} when there is a key, HTTP/1.1 with keep-alive.
 * Ensures each project once ({@code POST /api/v1/projects}), and again after a 404 on one of its
 * routes; splits runs into requests the server takes ({@link RunBodies}). Failures are
 * {@link SinkUnavailable} or {@link SinkRejected} (see {@link Answers}). Used by the exporter
 * thread only; not thread-safe.
 */
public final class HttpSink implements RunSink {
    private final ServerUrl url;
    private final String server;
    private final String authorization;
    private final Duration requestTimeout;
    private final HttpClient client;
    private final ObjectMapper mapper = Json.MAPPER;
    private final Clock clock = Clock.systemUTC();
    private final Set<String> ensured = new HashSet<>();

    /**
     * A sink for the server at {@code url}; opens no connection until the first call.
     *
     * @param apiKey the API key, or null to send no {@code Authorization} header (a server run
     *     with {@code --no-auth})
     * @param connectTimeout how long to wait for a connection
     * @param requestTimeout how long to wait for an answer, from the request's start
     */
    public HttpSink(ServerUrl url, String apiKey, Duration connectTimeout, Duration requestTimeout) {
        this.url = url;
        this.server = "the server at " + url;
        this.authorization = apiKey == null ? null : "Bearer " + apiKey;
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Tag register(String project, VersionRegistration registration) {
        String what = "the registration of model \"" + registration.modelName() + "\"";
        JsonNode answer = object(postToProject(project, "versions", json(registration), what), what);
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
            bodies = RunBodies.split(mapper, runs);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write runs as JSON", e);
        }
        SinkRejected first = null;
        int refused = 0;
        for (RunBodies.Body body : bodies) {
            String what = body.runs() == 1 ? "1 run" : body.runs() + " runs";
            try {
                JsonNode answer = object(postToProject(project, "runs", body.json(), what), what);
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

    /** POSTs to a project's route, ensuring the project first, and once more after a 404. */
    private byte[] postToProject(String project, String route, byte[] json, String what) {
        URI uri = url.resolve("/api/v1/projects/" + PathSegment.encode(project) + "/" + route);
        ensure(project);
        HttpResponse<byte[]> answer = post(uri, json);
        if (answer.statusCode() == 404) {
            // the project may have been removed since it was ensured (or the server's database replaced)
            ensured.remove(project);
            ensure(project);
            answer = post(uri, json);
        }
        if (!Answers.ok(answer.statusCode())) {
            throw Answers.failure(server, what + " in project \"" + project + "\"", answer, mapper, clock);
        }
        return answer.body();
    }

    private void ensure(String project) {
        if (ensured.contains(project)) {
            return;
        }
        String what = "project \"" + project + "\"";
        HttpResponse<byte[]> answer = post(url.resolve("/api/v1/projects"), json(Map.of("name", project)));
        if (!Answers.ok(answer.statusCode())) {
            throw Answers.failure(server, what, answer, mapper, clock);
        }
        object(answer.body(), what);
        ensured.add(project);
    }

    private HttpResponse<byte[]> post(URI uri, byte[] json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(json)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw new SinkUnavailable(server + " is unreachable: no connection within the connect timeout", null, e);
        } catch (HttpTimeoutException e) {
            throw new SinkUnavailable(server + " did not answer within " + requestTimeout.toMillis() + " ms", null, e);
        } catch (IOException e) {
            throw new SinkUnavailable(server + " is unreachable: " + describe(e), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SinkUnavailable("interrupted while talking to " + server, null, e);
        }
    }

    private JsonNode object(byte[] body, String what) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // falls through: not JSON
        }
        throw Answers.malformed(server, what, "something that is not a JSON object", body);
    }

    private byte[] json(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 4));
        // the fastest level: on 2,048 typical runs (795 kB of JSON) it takes 2.5 ms for 104 kB where the
        // default level takes 6.5 ms for 89 kB; the exporter's CPU, not the network, bounds ingest
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            zip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * The most telling message of a network failure: the JDK's client often wraps it in exceptions
     * without any, and on Java 17 says nothing at all for a refused connection.
     */
    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e instanceof java.net.ConnectException ? "connection refused (nothing listens there, or no route)"
                : e.getClass().getName();
    }

    @Override
    public String toString() {
        return server;
    }
}
