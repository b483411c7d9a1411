package org.bighummingbird.exporter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bighummingbird.core.PathSegment;
import org.bighummingbird.sdk.spi.SinkUnavailable;

/**
 * The HTTP plumbing the SDK's clients of REST API v1 share ({@link HttpSink}, {@link RemoteCatalog}):
 * gzip-compressed JSON bodies, {@code Authorization: Bearer <key>} when there is a key, HTTP/1.1
 * with keep-alive, no redirects, percent-encoded path segments, projects ensured once
 * ({@code POST /api/v1/projects}) and again after a 404, and failures as {@link SinkUnavailable} or
 * {@code SinkRejected} (see {@link Answers}). Thread-safe.
 */
final class ApiClient {
    private final ServerUrl url;
    private final String server;
    private final String authorization;
    private final Duration requestTimeout;
    private final HttpClient client;
    /** This client's own mapper: the server's documents are plain JSON, and java.time values ISO text. */
    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Clock clock = Clock.systemUTC();
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    /**
     * A client of the server at {@code url}; opens no connection until the first call.
     *
     * @param apiKey the API key, or null to send no {@code Authorization} header
     */
    ApiClient(ServerUrl url, String apiKey, Duration connectTimeout, Duration requestTimeout) {
        this.url = url;
        this.server = "the server at " + url;
        this.authorization = apiKey == null ? null : "Bearer " + apiKey;
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** {@code the server at <url>}, for messages. */
    String server() {
        return server;
    }

    /** Whether a key is sent. */
    boolean hasKey() {
        return authorization != null;
    }

    /** The address of a project's route; {@code route} is already encoded (use {@link PathSegment}). */
    URI projectRoute(String project, String route) {
        return url.resolve("/api/v1/projects/" + PathSegment.encode(project) + "/" + route);
    }

    /** POSTs to a project's route, ensuring the project first, and once more after a 404; the 2xx body. */
    byte[] postToProject(String project, String route, byte[] json, String what) {
        return postToProject(project, route, GzipBody.of(json), what);
    }

    /** {@link #postToProject(String, String, byte[], String)} with a body compressed beforehand. */
    byte[] postToProject(String project, String route, GzipBody body, String what) {
        URI uri = projectRoute(project, route);
        ensure(project);
        HttpResponse<byte[]> answer = post(uri, body);
        if (answer.statusCode() == 404) {
            // the project may have been removed since it was ensured (or the server's database replaced)
            ensured.remove(project);
            ensure(project);
            answer = post(uri, body);
        }
        if (!Answers.ok(answer.statusCode())) {
            throw failure(what + " in project \"" + project + "\"", answer);
        }
        return answer.body();
    }

    /** Finds or creates the project on the server, once per client. */
    void ensure(String project) {
        if (ensured.contains(project)) {
            return;
        }
        String what = "project \"" + project + "\"";
        HttpResponse<byte[]> answer = post(url.resolve("/api/v1/projects"), GzipBody.of(json(Map.of("name", project))));
        if (!Answers.ok(answer.statusCode())) {
            throw failure(what, answer);
        }
        object(answer.body(), what);
        ensured.add(project);
    }

    HttpResponse<byte[]> post(URI uri, GzipBody body) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
    }

    HttpResponse<byte[]> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        request.timeout(requestTimeout).header("Accept", "application/json");
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

    /** The failure an answer that is not 2xx stands for; see {@link Answers#failure}. */
    RuntimeException failure(String what, HttpResponse<byte[]> answer) {
        return Answers.failure(server, what, answer, mapper, clock);
    }

    /** The body as a JSON object, else a {@link SinkUnavailable} saying the URL may be wrong. */
    JsonNode object(byte[] body, String what) {
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

    /** The body as any JSON document, else a {@link SinkUnavailable} saying the URL may be wrong. */
    JsonNode document(byte[] body, String what) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node != null && !node.isMissingNode()) {
                return node;
            }
        } catch (IOException e) {
            // falls through: not JSON
        }
        throw Answers.malformed(server, what, "something that is not JSON", body);
    }

    byte[] json(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    ObjectMapper mapper() {
        return mapper;
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
}
