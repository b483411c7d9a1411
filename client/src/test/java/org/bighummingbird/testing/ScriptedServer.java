package org.bighummingbird.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in for the team server on a random loopback port that speaks {@code docs/api.md}:
 * projects, version registration (numbers per model and key), idempotent run ingest, problem+json
 * errors, 413 over its body limit. Records every request, decoded. Tests script it to answer
 * something else ({@link #answer}), to be slow ({@link #slow}), or to go away and come back
 * ({@link #stop}, {@link #restart}) on the same port. Thread-safe.
 */
public final class ScriptedServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "urn:bighummingbird:problem:";

    /**
     * A request as it arrived.
     *
     * @param method the HTTP method
     * @param rawPath the path as sent, percent-encoded
     * @param segments the path's segments, decoded
     * @param headers the first value of each header, by lower-case name
     * @param body the body as sent (gzip when {@code Content-Encoding: gzip})
     * @param json the decoded body as JSON, or null when it was not JSON
     * @param arrivedNanos {@link System#nanoTime()} at arrival
     */
    public record Request(String method, String rawPath, List<String> segments, Map<String, String> headers,
            byte[] body, JsonNode json, long arrivedNanos) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The route without the project: {@code projects}, {@code versions} or {@code runs}. */
        public String route() {
            return segments.size() == 3 ? segments.get(2) : segments.size() == 5 ? segments.get(4) : "";
        }

        /** The decoded project segment, or null. */
        public String project() {
            return segments.size() == 5 ? segments.get(3) : null;
        }
    }

    /**
     * An answer a test scripts.
     *
     * @param status the status
     * @param headers extra headers
     * @param body the body, sent as is
     */
    public record Answer(int status, Map<String, String> headers, String body) {
        public static Answer problem(int status, String type, String detail) {
            ObjectNode p = JSON.createObjectNode().put("type", PROBLEM + type).put("title", type)
                    .put("status", status).put("detail", detail);
            return new Answer(status, Map.of("Content-Type", "application/problem+json"), p.toString());
        }

        public static Answer of(int status, String body) {
            return new Answer(status, Map.of("Content-Type", "application/json"), body);
        }

        public Answer with(String header, String value) {
            Map<String, String> h = new HashMap<>(headers);
            h.put(header, value);
            return new Answer(status, h, body);
        }
    }

    private record Rule(Predicate<Request> matches, int[] remaining, Answer answer) {}

    private int port;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-server");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final Map<String, Instant> projects = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> versions = new HashMap<>();
    private final Map<String, List<JsonNode>> runs = new HashMap<>();
    private final Map<String, java.util.Set<String>> runIds = new HashMap<>();
    private volatile String requiredKey;
    private volatile long delayMillis;
    private final java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger mostOpen = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int maxBodyBytes = 8 * 1024 * 1024;
    private HttpServer server;

    private ScriptedServer(int port) {
        this.port = port;
    }

    public static ScriptedServer start() {
        ScriptedServer s = new ScriptedServer(0);
        s.listen(0);
        return s;
    }

    private synchronized void listen(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        port = server.getAddress().getPort();
    }

    /** The base URL, as {@code BHB_URL} would hold it. */
    public synchronized String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops listening: connections are refused until {@link #restart()}. */
    public synchronized void stop() {
        server.stop(0);
    }

    /** Listens again on the same port, with everything stored so far. */
    public synchronized void restart() {
        listen(port);
    }

    /** Answers 401 to any request without {@code Authorization: Bearer key}. */
    public ScriptedServer requireKey(String key) {
        this.requiredKey = key;
        return this;
    }

    /** Waits this long before answering each request. */
    public ScriptedServer slow(Duration delay) {
        this.delayMillis = delay.toMillis();
        return this;
    }

    /** Refuses bodies over this many bytes (after gzip decoding) with 413; default 8 MiB. */
    public ScriptedServer maxBodyBytes(int bytes) {
        this.maxBodyBytes = bytes;
        return this;
    }

    /** Answers the next {@code times} requests that match with {@code answer} instead. */
    public ScriptedServer answer(Predicate<Request> which, int times, Answer answer) {
        rules.add(new Rule(which, new int[] {times}, answer));
        return this;
    }

    /** Forgets a project, as if someone removed it: its routes answer 404 until it is created again. */
    public synchronized void forget(String project) {
        projects.remove(project);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String route) {
        return requests.stream().filter(r -> r.route().equals(route)).toList();
    }

    /** Every run stored in the project, in the order received, duplicates (by id) included. */
    public synchronized List<JsonNode> runs(String project) {
        return List.copyOf(runs.getOrDefault(project, List.of()));
    }

    public synchronized List<String> projects() {
        return List.copyOf(projects.keySet());
    }

    /** The most requests it was answering at once since the last call. */
    public int maxConcurrentRequests() {
        return mostOpen.getAndSet(open.get());
    }

    private void handle(HttpExchange exchange) throws IOException {
        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        try (exchange) {
            Request request = record(exchange);
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            Answer answer = scripted(request);
            if (answer == null) {
                answer = serve(request);
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.decrementAndGet();
        }
    }

    private Request record(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
        String rawPath = exchange.getRequestURI().getRawPath();
        List<String> segments = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                segments.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        JsonNode json = null;
        try {
            byte[] plain = "gzip".equals(headers.get("content-encoding")) ? gunzip(body) : body;
            json = plain.length > maxBodyBytes ? null : JSON.readTree(plain);
            if (plain.length > maxBodyBytes) {
                headers.put("x-too-large", Integer.toString(plain.length));
            }
        } catch (IOException e) {
            // not JSON: serve() says so
        }
        Request request = new Request(exchange.getRequestMethod(), rawPath, List.copyOf(segments), headers, body, json,
                arrived);
        requests.add(request);
        return request;
    }

    private Answer scripted(Request request) {
        for (Rule rule : rules) {
            synchronized (rule) {
                if (rule.remaining()[0] > 0 && rule.matches().test(request)) {
                    rule.remaining()[0]--;
                    return rule.answer();
                }
            }
        }
        return null;
    }

    private synchronized Answer serve(Request r) {
        if (requiredKey != null && !("Bearer " + requiredKey).equals(r.header("Authorization"))) {
            return Answer.problem(401, "unauthenticated", "no valid API key");
        }
        if (r.header("x-too-large") != null) {
            return Answer.problem(413, "payload-too-large", "the body is over " + maxBodyBytes + " bytes");
        }
        if (!r.method().equals("POST") || r.segments().size() < 3 || !r.segments().get(2).equals("projects")) {
            return Answer.problem(404, "not-found", "no route " + r.method() + " " + r.rawPath());
        }
        if (r.json() == null || !r.json().isObject()) {
            return Answer.problem(400, "malformed-json", "the body is not JSON");
        }
        if (r.segments().size() == 3) {
            String name = r.json().path("name").asText();
            boolean created = !projects.containsKey(name);
            projects.putIfAbsent(name, Instant.now());
            return Answer.of(created ? 201 : 200, JSON.createObjectNode().put("name", name)
                    .put("createdAt", projects.get(name).toString()).put("created", created).toString());
        }
        String project = r.project();
        if (!projects.containsKey(project)) {
            return Answer.problem(404, "not-found", "no project \"" + project + "\"");
        }
        Map<String, Integer> known = versions.computeIfAbsent(project, p -> new HashMap<>());
        if (r.route().equals("versions")) {
            String model = r.json().path("modelName").asText();
            String id = model + '\u0000' + r.json().path("key").asText();
            boolean existed = known.containsKey(id);
            if (!existed) {
                int next = 1 + (int) known.keySet().stream().filter(k -> k.startsWith(model + '\u0000')).count();
                known.put(id, next);
            }
            return Answer.of(existed ? 200 : 201, JSON.createObjectNode().put("tag", model + ":v" + known.get(id))
                    .put("name", model).put("version", known.get(id)).put("existed", existed).toString());
        }
        if (r.route().equals("runs")) {
            JsonNode batch = r.json().path("runs");
            if (batch.size() > 10_000) {
                return Answer.problem(413, "payload-too-large", "more than 10,000 runs");
            }
            for (JsonNode run : batch) {
                if (!known.containsKey(run.path("modelName").asText() + '\u0000' + run.path("versionKey").asText())) {
                    return Answer.problem(422, "unknown-version", "no version " + run.path("versionKey").asText());
                }
            }
            List<JsonNode> stored = runs.computeIfAbsent(project, p -> new ArrayList<>());
            java.util.Set<String> ids = runIds.computeIfAbsent(project, p -> new java.util.HashSet<>());
            int fresh = 0;
            for (JsonNode run : batch) {
                stored.add(run);
                fresh += ids.add(run.path("id").asText()) ? 1 : 0;
            }
            return Answer.of(200, JSON.createObjectNode().put("received", batch.size()).put("stored", fresh)
                    .toString());
        }
        return Answer.problem(404, "not-found", "no route " + r.rawPath());
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    @Override
    public synchronized void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
