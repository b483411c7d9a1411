package org.bighummingbird.server.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bighummingbird.server.Fixtures.batch;
import static org.bighummingbird.server.Fixtures.registration;
import static org.bighummingbird.server.Fixtures.run;
import static org.bighummingbird.server.Http.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.server.Http.Reply;
import org.bighummingbird.server.Http;
import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.server.ServerFixture.Workspace;
import org.bighummingbird.server.ServerFixture;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.RunQuery;
import org.bighummingbird.store.json.ViewJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * REST API v1 per route, success and every documented error, against a real server on a random
 * loopback port. Subclasses pick the store: SQLite and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiContract {
    static final String PROJECT = "Concept Project";

    ServerFixture fixture;
    Workspace ws;
    Http http;
    String base;

    /** A builder with the store chosen; the contract sets port 0 and the rest. */
    abstract ServerConfig.Builder storeConfig() throws Exception;

    @BeforeAll
    void startServer() throws Exception {
        fixture = new ServerFixture(storeConfig().port(0).build());
    }

    @AfterAll
    void stopServer() throws Exception {
        fixture.close();
    }

    @BeforeEach
    void newWorkspace() {
        ws = fixture.newWorkspace();
        http = ws.http();
        assertThat(http.post("/api/v1/projects", "{\"name\":\"" + PROJECT + "\"}").status()).isEqualTo(201);
        base = "/api/v1/projects/" + segment(PROJECT);
    }

    ProjectRef project() {
        return ws.project(fixture.store(), PROJECT);
    }

    void register(String model, String code) {
        assertThat(http.post(base + "/versions", registration(model, code)).status()).isIn(200, 201);
    }

    static void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.problem()).as(reply.toString()).isEqualTo(type);
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        assertThat(reply.json().get("title").asText()).isNotBlank();
    }

    @Test
    void healthIsOkWithoutAKey() {
        Reply reply = fixture.anonymous().get("/api/v1/health");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void openApiDocumentIsServedWithoutAKey() {
        Reply reply = fixture.anonymous().get("/api/v1/openapi.json");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("openapi").asText()).isEqualTo("3.1.0");
    }

    @Test
    void projectsAreCreatedOnceAndListedByName() {
        Reply again = http.post("/api/v1/projects", "{\"name\":\"" + PROJECT + "\"}");
        Reply unicode = http.post("/api/v1/projects", "{\"name\":\"Проект 東京 ü\"}");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("created").asBoolean()).isFalse();
        assertThat(unicode.status()).isEqualTo(201);
        assertThat(unicode.json().get("created").asBoolean()).isTrue();
        assertThat(unicode.json().get("name").asText()).isEqualTo("Проект 東京 ü");
        JsonNode list = http.get("/api/v1/projects").json();
        assertThat(list).extracting(p -> p.get("name").asText()).containsExactly(PROJECT, "Проект 東京 ü");
        assertThat(list.get(0).get("createdAt").asText()).isEqualTo(again.json().get("createdAt").asText());
        assertThat(http.get("/api/v1/projects/" + segment("Проект 東京 ü") + "/models").json().get("models")).isEmpty();
    }

    @Test
    void projectBodiesAreChecked() {
        assertProblem(http.post("/api/v1/projects", "{}"), 400, "invalid-request");
        assertProblem(http.post("/api/v1/projects", "{\"name\":\"a:b\"}"), 400, "invalid-request");
        assertProblem(http.post("/api/v1/projects", "{\"name\":12}"), 400, "invalid-request");
        assertProblem(http.post("/api/v1/projects", "{\"name\":\"x\",\"extra\":1}"), 400, "invalid-request");
        assertProblem(http.post("/api/v1/projects", "{\"name\":"), 400, "malformed-json");
    }

    @Test
    void registeringANewKeyIsCreatedAndAKnownKeyExisted() {
        Reply first = http.post(base + "/versions", registration("model", "a + b"));
        Reply same = http.post(base + "/versions", registration("model", "a + b"));
        Reply changed = http.post(base + "/versions", registration("model", "a * b"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().toString())
                .isEqualTo("{\"tag\":\"model:v1\",\"name\":\"model\",\"version\":1,\"existed\":false}");
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().get("existed").asBoolean()).isTrue();
        assertThat(changed.json().get("tag").asText()).isEqualTo("model:v2");
    }

    @Test
    void registrationsAreChecked() {
        ObjectNode reg = registration("model", "a");
        assertProblem(http.post("/api/v1/projects/nope/versions", reg), 404, "not-found");
        assertProblem(http.post(base + "/versions", reg.deepCopy().put("modelName", "bad:name")), 400, "invalid-request");
        assertProblem(http.post(base + "/versions", reg.deepCopy().put("signatureJson", "{oops")), 400, "invalid-request");
        assertProblem(http.post(base + "/versions", reg.deepCopy().put("key", "k".repeat(65))), 400, "invalid-request");
        ObjectNode missing = reg.deepCopy();
        missing.remove("code");
        assertProblem(http.post(base + "/versions", missing), 400, "invalid-request");
        assertThat(http.get(base + "/models").json().get("models")).isEmpty();
    }

    @Test
    void modelsAreTheDocumentsTheCliPrints() {
        register("model", "a + b");
        register("model", "a * b");
        http.post(base + "/runs", batch(run("model", "a + b", "{\"a\":1,\"b\":2}")));

        JsonNode page = http.get(base + "/models").json();
        JsonNode detail = http.get(base + "/models/" + segment("model:latest")).json();
        JsonNode v1 = http.get(base + "/models/" + segment("model:v1")).json();

        ArrayNode expected = Http.JSON.createArrayNode();
        fixture.store().models().list(project()).forEach(v -> expected.add(ViewJson.version(v)));
        assertThat(page.get("models").toString()).isEqualTo(ViewJson.compact(expected));
        assertThat(page.get("nextCursor").isNull()).isTrue();
        assertThat(detail.toString()).isEqualTo(ViewJson.compact(ViewJson.versionDetail(
                fixture.store().models().find(project(), TagReference.parse("model:v2")).orElseThrow())));
        assertThat(page.get("models").get(0).has("runs")).as("a listing counts no runs").isFalse();
        assertThat(v1.get("runs").asLong()).isEqualTo(1);
        assertThat(detail.get("runs").asLong()).isZero();
    }

    @Test
    void modelsArePagedByCursorEachVersionOnceInOrder() {
        for (String model : List.of("b", "a", "c")) {
            register(model, "one " + model);
            register(model, "two " + model);
        }
        List<String> seen = new ArrayList<>();
        String uri = base + "/models?limit=2";
        int pages = 0;
        while (true) {
            Reply reply = http.get(uri);
            assertThat(reply.status()).isEqualTo(200);
            JsonNode page = reply.json();
            assertThat(page.get("models").size()).isLessThanOrEqualTo(2);
            page.get("models").forEach(v -> seen.add(v.get("tag").asText()));
            pages++;
            if (page.get("nextCursor").isNull()) {
                break;
            }
            uri = base + "/models?limit=2&cursor=" + segment(page.get("nextCursor").asText());
        }
        assertThat(seen).containsExactly("a:v1", "a:v2", "b:v1", "b:v2", "c:v1", "c:v2");
        assertThat(pages).isEqualTo(3);
        assertThat(http.get(base + "/models").json().get("models")).hasSize(6);
    }

    @Test
    void badModelPageParametersAre400NamingTheParameter() {
        register("model", "a");
        for (String query : List.of("limit=0", "limit=1001", "limit=-1", "limit=abc", "limit=" + "9".repeat(40),
                "limit=1&limit=2", "cursor=%21%21", "cursor=" + "A".repeat(2000), "cursor=bm9jb2xvbg", "sort=name")) {
            Reply reply = http.get(base + "/models?" + query);
            assertProblem(reply, 400, "invalid-request");
            String name = query.substring(0, query.indexOf('='));
            assertThat(reply.json().get("detail").asText()).as(query).contains(name);
        }
        assertThat(http.get(base + "/models").json().get("models")).hasSize(1);
    }

    @Test
    void unknownVersionsAndBadTagsOfModels() {
        register("model", "a");
        assertProblem(http.get(base + "/models/" + segment("model:v9")), 404, "not-found");
        assertProblem(http.get(base + "/models/" + segment("other:latest")), 404, "not-found");
        assertProblem(http.get(base + "/models/" + segment("model:v01")), 400, "invalid-tag");
        assertProblem(http.get("/api/v1/projects/nope/models"), 404, "not-found");
    }

    @Test
    void tagsResolveLatest() {
        register("model", "a");
        register("model", "b");

        Reply latest = http.get(base + "/tags/" + segment("model:latest"));
        Reply first = http.get(base + "/tags/" + segment("model:v1"));

        assertThat(latest.json().toString()).isEqualTo("{\"tag\":\"model:v2\",\"name\":\"model\",\"version\":2}");
        assertThat(first.json().get("tag").asText()).isEqualTo("model:v1");
        assertProblem(http.get(base + "/tags/" + segment("model:v3")), 404, "not-found");
        assertProblem(http.get(base + "/tags/" + segment("model:vx")), 400, "invalid-tag");
    }

    @Test
    void runsAreStoredOnceByIdAndAnswerAfterCommit() {
        register("model", "a + b");
        ObjectNode body = batch(run("model", "a + b", "{\"a\":1}"), run("model", "a + b", "{\"a\":2}"));

        Reply first = http.post(base + "/runs", body);
        Reply retry = http.post(base + "/runs", body);

        assertThat(first.json().toString()).isEqualTo("{\"received\":2,\"stored\":2}");
        assertThat(retry.json().toString()).isEqualTo("{\"received\":2,\"stored\":0}");
        assertThat(fixture.store().runs().count(project())).isEqualTo(2);
    }

    @Test
    void aRunOfAnUnregisteredVersionStoresNothingOfTheBatch() {
        register("model", "a + b");

        Reply reply = http.post(base + "/runs", batch(run("model", "a + b", "{}"), run("model", "never", "{}")));

        assertProblem(reply, 422, "unknown-version");
        assertThat(fixture.store().runs().count(project())).isZero();
    }

    @Test
    void aBatchOverTheLimitIsTooLarge() {
        register("model", "a");
        ObjectNode body = batch();
        ArrayNode runs = (ArrayNode) body.get("runs");
        for (int i = 0; i <= ServerConfig.DEFAULT_MAX_BATCH_RUNS; i++) {
            runs.add(run("model", "a", "{}"));
        }

        assertProblem(http.post(base + "/runs", body), 413, "payload-too-large");
        assertThat(fixture.store().runs().count(project())).isZero();
    }

    @Test
    void gzipBodiesAreDecoded() {
        register("model", "a");
        byte[] body = batch(run("model", "a", "{\"x\":\"é\"}")).toString().getBytes(StandardCharsets.UTF_8);

        Reply reply = http.postGzip(base + "/runs", body);

        assertThat(reply.json().get("stored").asInt()).as(reply.toString()).isEqualTo(1);
    }

    @Test
    void runsPageNewestFirstWithFiltersAndCursor() {
        register("model", "a");
        register("model", "b");
        List<ObjectNode> sent = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ObjectNode r = run("model", i % 2 == 0 ? "a" : "b", "{\"i\":" + i + "}");
            if (i == 3) {
                r.put("outputJson", (String) null).put("outputShapeJson", (String) null)
                        .put("errorType", "java.lang.IllegalStateException").put("errorMessage", "boom")
                        .put("errorStack", "at Model.apply(Model.java:1)");
            }
            sent.add(r);
        }
        http.post(base + "/runs", batch(sent.toArray(ObjectNode[]::new)));

        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = http.get(base + "/runs?limit=3" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("runs").forEach(r -> ids.add(r.get("id").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);

        List<String> newestFirst = new ArrayList<>(sent.stream().map(r -> r.get("id").asText()).toList());
        Collections.reverse(newestFirst);
        assertThat(ids).containsExactlyElementsOf(newestFirst);
        JsonNode errors = http.get(base + "/runs?errors=true").json().get("runs");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("error").get("message").asText()).isEqualTo("boom");
        assertThat(http.get(base + "/runs?model=" + segment("model:v2")).json().get("runs")).hasSize(3);
        assertThat(http.get(base + "/runs?model=" + segment("model:latest")).json().get("runs")).hasSize(3);
        String third = ViewJson.isoInstant(sent.get(2).get("startedAtMicros").asLong());
        String fifth = ViewJson.isoInstant(sent.get(4).get("startedAtMicros").asLong());
        assertThat(http.get(base + "/runs?from=" + third + "&to=" + fifth).json().get("runs"))
                .extracting(r -> r.get("id").asText())
                .containsExactly(sent.get(3).get("id").asText(), sent.get(2).get("id").asText());
    }

    @Test
    void runAttributesAreStoredAsSentAndFilterable() {
        register("model", "a");
        ObjectNode tokens = run("model", "a", "{}");
        tokens.putObject("attributes").put("gen_ai.usage.input_tokens", 12).put("user", "ada")
                .putObject("raw").put("x", 1);
        ObjectNode other = run("model", "a", "{}");
        other.putObject("attributes").put("gen_ai.usage.input_tokens", 900).put("cached", true);
        ObjectNode none = run("model", "a", "{}");
        assertThat(http.post(base + "/runs", batch(tokens, other, none)).json().get("stored").asInt()).isEqualTo(3);

        JsonNode byTokens = http.get(base + "/runs?attr.gen_ai.usage.input_tokens=12").json().get("runs");
        assertThat(byTokens).extracting(r -> r.get("id").asText()).containsExactly(tokens.get("id").asText());
        assertThat(byTokens.get(0).get("attributes").toString())
                .isEqualTo("{\"gen_ai.usage.input_tokens\":12,\"raw\":{\"x\":1},\"user\":\"ada\"}");
        assertThat(http.get(base + "/runs?attr.cached=true&attr.gen_ai.usage.input_tokens=900").json().get("runs"))
                .extracting(r -> r.get("id").asText()).containsExactly(other.get("id").asText());
        assertThat(http.get(base + "/runs?attr.user=bob").json().get("runs")).isEmpty();
        Reply nul = http.get(base + "/runs?attr.user=%00&attr.%00=1");
        assertThat(nul.status()).as(nul.toString()).isEqualTo(200);
        assertThat(nul.json().get("runs")).isEmpty();
        JsonNode all = http.get(base + "/runs").json().get("runs");
        assertThat(all).filteredOn(r -> r.get("id").asText().equals(none.get("id").asText()))
                .singleElement().satisfies(r -> assertThat(r.get("attributes").isNull()).isTrue());
    }

    @Test
    void badAttributesAndAttributeFiltersAreRejected() {
        register("model", "a");
        ObjectNode notAnObject = run("model", "a", "{}");
        notAnObject.putArray("attributes").add(1);
        assertProblem(http.post(base + "/runs", batch(notAnObject)), 400, "invalid-request");
        ObjectNode asString = run("model", "a", "{}");
        asString.put("attributes", "{\"a\":1}");
        assertProblem(http.post(base + "/runs", batch(asString)), 400, "invalid-request");
        assertThat(fixture.store().runs().count(project())).isZero();

        assertProblem(http.get(base + "/runs?attr.=1"), 400, "invalid-request");
        assertProblem(http.get(base + "/runs?attr.a=1&attr.a=2"), 400, "invalid-request");
        StringBuilder many = new StringBuilder(base + "/runs?");
        for (int i = 0; i <= RunListing.MAX_ATTRIBUTE_FILTERS; i++) {
            many.append(i == 0 ? "" : "&").append("attr.k").append(i).append("=v");
        }
        assertProblem(http.get(many.toString()), 400, "invalid-request");
        assertProblem(http.get(base + "/runs?attribute=1"), 400, "invalid-request");
    }

    @Test
    void runsAreTheDocumentsTheCliPrints() throws Exception {
        register("model", "a");
        http.post(base + "/runs", batch(run("model", "a", "{\"a\":0.10,\"big\":12345678901234567890123}")));

        JsonNode runs = ViewJson.mapper().readTree(http.get(base + "/runs").body()).get("runs");

        ArrayNode expected = Http.JSON.createArrayNode();
        fixture.store().runs().list(project(), RunQuery.newest(50)).forEach(r -> expected.add(ViewJson.run(r)));
        assertThat(ViewJson.compact(runs)).isEqualTo(ViewJson.compact(expected));
        assertThat(runs.get(0).get("inputs").toString()).contains("0.10", "12345678901234567890123");
    }

    @Test
    void runListingErrors() {
        register("model", "a");
        assertProblem(http.get(base + "/runs?model=" + segment("model:v7")), 404, "not-found");
        assertProblem(http.get(base + "/runs?model=" + segment("model:v0")), 400, "invalid-tag");
        assertProblem(http.get(base + "/runs?limit=0"), 400, "invalid-request");
        assertProblem(http.get(base + "/runs?limit=1001"), 400, "invalid-request");
        assertProblem(http.get(base + "/runs?limit=abc"), 400, "invalid-request");
        assertProblem(http.get(base + "/runs?cursor=not-a-cursor"), 400, "invalid-request");
        assertProblem(http.get(base + "/runs?from=yesterday"), 400, "invalid-request");
        assertProblem(http.get(base + "/runs?errors=yes"), 400, "invalid-request");
        assertProblem(http.get(base + "/runs?colour=red"), 400, "invalid-request");
        assertProblem(http.get("/api/v1/projects/nope/runs"), 404, "not-found");
    }

    @Test
    void unknownRoutesAndMethodsAreProblems() {
        assertProblem(http.get("/api/v1/nothing"), 404, "not-found");
        assertProblem(http.send("DELETE", base + "/runs", null), 405, "method-not-allowed");
        assertProblem(http.send("PUT", "/api/v1/projects", "{}".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json"), 405, "method-not-allowed");
    }

    @Test
    void headIsAnsweredWhereverGetIsUnderTheSameRulesWithoutABody() {
        register("model", "a");
        Http anonymous = fixture.anonymous();

        Reply health = anonymous.send("HEAD", "/api/v1/health", null);
        Reply openApi = anonymous.send("HEAD", "/api/v1/openapi.json", null);
        Reply models = http.send("HEAD", base + "/models", null);
        Reply detail = http.send("HEAD", base + "/models/" + segment("model:v1"), null);

        for (Reply reply : List.of(health, openApi, models, detail)) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(reply.body()).isEmpty();
            assertThat(reply.contentType()).startsWith("application/json");
        }
        assertThat(anonymous.send("HEAD", base + "/models", null).status()).isEqualTo(401);
        assertThat(http.send("HEAD", "/api/v1/projects/nope/models", null).status()).isEqualTo(404);
        assertThat(http.send("HEAD", base + "/models/" + segment("model:v9"), null).status()).isEqualTo(404);
        assertThat(http.send("HEAD", base + "/runs?limit=0", null).status()).isEqualTo(400);
        Reply postOnly = http.send("HEAD", base + "/versions", null);
        assertThat(postOnly.status()).isEqualTo(405);
        assertThat(postOnly.body()).isEmpty();
    }

    @Test
    void everyMethodNotAllowedSaysWhichAreAllowed() {
        Reply delete = http.send("DELETE", base + "/runs", null);
        Reply put = http.send("PUT", base + "/versions", "{}".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json");
        Reply postToModels = http.post(base + "/models", "{}");

        assertProblem(delete, 405, "method-not-allowed");
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET, HEAD, POST");
        assertThat(put.headers().firstValue("Allow")).hasValue("POST");
        assertThat(postToModels.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void everyAnswerCarriesARequestId() {
        Reply given = http.send("GET", "/api/v1/projects", null, "X-Request-Id", "abc-123");
        Reply insane = http.send("GET", "/api/v1/projects", null, "X-Request-Id", "a b\"<>");

        assertThat(given.headers().firstValue("X-Request-Id")).hasValue("abc-123");
        assertThat(insane.headers().firstValue("X-Request-Id")).get().asString().matches("[0-9a-f-]{36}");
    }
}
