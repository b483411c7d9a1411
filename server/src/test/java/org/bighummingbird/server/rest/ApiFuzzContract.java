package org.bighummingbird.server.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bighummingbird.server.Fixtures.key;
import static org.bighummingbird.server.Fixtures.registration;
import static org.bighummingbird.server.Http.segment;
import static org.bighummingbird.server.rest.CatalogApiContract.dataset;
import static org.bighummingbird.server.rest.CatalogApiContract.declarative;
import static org.bighummingbird.server.rest.CatalogApiContract.row;
import static org.bighummingbird.server.rest.EvaluationApiContract.creation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bighummingbird.server.Http;
import org.bighummingbird.server.Http.Reply;
import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.server.ServerFixture;
import org.bighummingbird.server.ServerFixture.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A property-based fuzz of REST API v1 driven by its own OpenAPI document, against a real server on
 * a loopback port: {@link RequestGenerator} makes valid requests and requests with one forbidden
 * mutation for every documented operation, and methods no path documents. It fails on any 5xx, any
 * status the operation does not document, any answer whose content type or body is not the
 * documented one, any valid request refused with a 4xx the document does not explain by state
 * (400, 413, 415), any invalid request accepted, and any 405 whose {@code Allow} is not the path's
 * documented methods. Bounded in time ({@link #BUDGET}); the seed is printed and can be set with
 * {@code -Dbhb.fuzz.seed=…} to replay a run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiFuzzContract {
    static final Duration BUDGET = Duration.ofSeconds(Long.getLong("bhb.fuzz.seconds", 20));
    static final int MAX_REQUESTS = Integer.getInteger("bhb.fuzz.requests", 4_000);
    static final Set<String> UNDOCUMENTED_METHODS = Set.of("PUT", "DELETE", "PATCH");
    /** Statuses that depend on the stored state, not on the request's shape. */
    static final Set<Integer> STATEFUL = Set.of(404, 409, 422);

    ServerFixture fixture;
    Workspace ws;
    JsonNode document;
    JsonSchemaCheck schemas;
    RequestGenerator.World world;

    abstract ServerConfig.Builder storeConfig() throws Exception;

    @BeforeAll
    void startAndSeed() throws Exception {
        fixture = new ServerFixture(storeConfig().port(0).build());
        ws = fixture.newWorkspace();
        Http http = ws.http();
        String project = "Fuzz Project";
        String base = "/api/v1/projects/" + segment(project);
        assertThat(http.post("/api/v1/projects", "{\"name\":\"" + project + "\"}").status()).isEqualTo(201);
        assertThat(http.post(base + "/versions", registration("bot", "a + b")).status()).isEqualTo(201);
        assertThat(http.post(base + "/datasets", dataset("ds", row("\"q0\"", null), row("{\"a\":[1,2]}", "3")))
                .status()).isEqualTo(201);
        assertThat(http.post(base + "/judges", declarative("re", "ok")).status()).isEqualTo(201);
        String evaluation = http.post(base + "/evaluations", creation("bot:v1", "ds:v1", "re:v1")).json().get("id")
                .asText();
        world = new RequestGenerator.World(project, "bot", key("bot", "a + b"), List.of("\"q0\"", "{\"a\":[1,2]}"),
                "ds:v1", "re:v1", "bot:v1", evaluation);
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            document = Http.JSON.readTree(in);
        }
        schemas = new JsonSchemaCheck(document);
    }

    @AfterAll
    void stopServer() {
        fixture.close();
    }

    @Test
    void theServerAnswersEveryGeneratedRequestAsItsDocumentSays() {
        long seed = Long.getLong("bhb.fuzz.seed", System.nanoTime());
        RequestGenerator generator = new RequestGenerator(document, world, seed);
        Map<String, String> failures = new LinkedHashMap<>();
        int sent = 0;
        int valid = 0;
        int accepted = 0;
        long deadline = System.nanoTime() + BUDGET.toNanos();
        while (System.nanoTime() < deadline && sent < MAX_REQUESTS) {
            sent++;
            if (sent % 20 == 0) {
                checkUndocumentedMethod(generator, failures);
                continue;
            }
            RequestGenerator.Request request = generator.next();
            String generated = generatedValidly(request);
            if (generated != null) {
                failures.putIfAbsent("generator: " + generated, "the generator made a valid request its document"
                        + " refuses: " + generated + "\n    request: " + request);
                continue;
            }
            Reply reply = send(request);
            valid += request.valid() ? 1 : 0;
            accepted += reply.status() < 300 ? 1 : 0;
            String problem = judge(request, reply);
            if (problem != null) {
                failures.putIfAbsent(request.method() + " " + request.pathTemplate() + ": " + problem.replaceAll(
                        "\"[^\"]*\"", "…").substring(0, Math.min(80, problem.length())), problem + "\n    request: "
                        + request + "\n    answer: " + reply);
            }
        }
        System.out.printf("API fuzz (seed %d): %d requests, %d valid, %d answered 2xx, %d distinct failures%n", seed,
                sent, valid, accepted, failures.size());
        assertThat(failures.values()).as("seed %d; replay with -Dbhb.fuzz.seed=%d", seed, seed).isEmpty();
        assertThat(sent).isGreaterThan(50);
        assertThat(accepted).as("valid requests that reached real objects").isGreaterThan(sent / 20);
    }

    /** Why a request generated as valid breaks its body schema (a bug of the generator), or null. */
    private String generatedValidly(RequestGenerator.Request request) {
        JsonNode schema = request.operation().path("requestBody").path("content").path("application/json")
                .get("schema");
        if (!request.valid() || schema == null) {
            return null;
        }
        try {
            List<String> problems = schemas.problems(Http.JSON.readTree(request.body()), schema);
            return problems.isEmpty() ? null : problems.get(0);
        } catch (Exception e) {
            return "not JSON: " + e;
        }
    }

    private Reply send(RequestGenerator.Request request) {
        byte[] body = request.body() == null ? null : request.body().getBytes(StandardCharsets.UTF_8);
        try {
            return body == null ? ws.http().send(request.method().toUpperCase(Locale.ROOT), request.path(), null)
                    : ws.http().send(request.method().toUpperCase(Locale.ROOT), request.path(), body,
                            "Content-Type", "application/json");
        } catch (UncheckedIOException e) {
            throw new AssertionError("no answer to " + request + ": " + e.getCause(), e);
        }
    }

    /** Why the answer is wrong for the request, or null when it is right. */
    String judge(RequestGenerator.Request request, Reply reply) {
        int status = reply.status();
        if (status >= 500) {
            return "a " + status;
        }
        JsonNode responses = request.operation().get("responses");
        JsonNode response = responses.get(String.valueOf(status));
        if (response == null) {
            return "status " + status + " is not documented";
        }
        response = schemas.resolve(response);
        String shape = shape(response, reply);
        if (shape != null) {
            return shape;
        }
        if (request.valid() && status >= 400 && !STATEFUL.contains(status)) {
            return "a valid request refused with " + status;
        }
        if (!request.valid() && status < 300) {
            return "an invalid request (" + request.mutation() + ") accepted with " + status;
        }
        return null;
    }

    private String shape(JsonNode response, Reply reply) {
        JsonNode content = response.get("content");
        if (content == null) {
            return null;
        }
        String media = reply.contentType().split(";", 2)[0].trim();
        JsonNode documented = content.get(media);
        if (documented == null) {
            return "content type " + media + " is not documented for " + reply.status();
        }
        if (!documented.has("schema")) {
            return null;
        }
        JsonNode body;
        try {
            body = Http.JSON.readTree(reply.body());
        } catch (Exception e) {
            return "the body is not JSON";
        }
        List<String> problems = schemas.problems(body, documented.get("schema"));
        return problems.isEmpty() ? null : "the " + reply.status() + " body breaks its schema: " + problems.get(0);
    }

    /** A method no path documents: 405 with Allow naming exactly the documented methods (and HEAD beside GET). */
    private void checkUndocumentedMethod(RequestGenerator generator, Map<String, String> failures) {
        RequestGenerator.Request request = generator.next();
        JsonNode item = document.get("paths").get(request.pathTemplate());
        Set<String> documented = new TreeSet<>();
        item.fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT)));
        List<String> candidates = new ArrayList<>(UNDOCUMENTED_METHODS);
        candidates.removeAll(documented);
        String method = candidates.get(Math.floorMod(request.path().hashCode(), candidates.size()));
        Reply reply = ws.http().send(method, request.path(), null);
        if (reply.status() == 405) {
            Set<String> expected = new TreeSet<>(documented);
            if (expected.contains("GET")) {
                expected.add("HEAD");
            }
            Set<String> allow = new TreeSet<>();
            for (String m : reply.headers().firstValue("Allow").orElse("").split(",")) {
                if (!m.isBlank()) {
                    allow.add(m.trim());
                }
            }
            allow.remove("OPTIONS");
            if (!allow.equals(expected) || !"method-not-allowed".equals(reply.problem())) {
                failures.putIfAbsent(method + " " + request.pathTemplate() + ": Allow", "405 with Allow " + allow
                        + ", not " + expected + ": " + reply);
            }
        } else if (reply.status() != 401 && reply.status() != 404 && reply.status() != 400) {
            failures.putIfAbsent(method + " " + request.pathTemplate(), method + " answered " + reply);
        }
    }
}
