package org.bighummingbird.server.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bighummingbird.server.Fixtures.batch;
import static org.bighummingbird.server.Fixtures.registration;
import static org.bighummingbird.server.Fixtures.run;
import static org.bighummingbird.server.Http.segment;
import static org.bighummingbird.server.rest.ApiContract.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bighummingbird.server.Http.Reply;
import org.bighummingbird.server.Http;
import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.server.ServerFixture.Workspace;
import org.bighummingbird.server.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A corpus of hostile input against every route that takes input: each gets its 4xx problem, the
 * server goes on serving, and nothing is stored partly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostileInputContract {
    static final String PROJECT = "Hostile";
    static final String BASE = "/api/v1/projects/" + PROJECT;
    /** An evaluation id no project holds: every hostile body is refused before the id is looked up. */
    static final String EVALUATION = BASE + "/evaluations/" + EvaluationApiContract.UNKNOWN_ID;

    ServerFixture fixture;
    Workspace ws;
    Http http;

    abstract ServerConfig.Builder storeConfig() throws Exception;

    @BeforeAll
    void start() throws Exception {
        fixture = new ServerFixture(storeConfig().port(0).build());
        ws = fixture.newWorkspace();
        http = ws.http();
        http.post("/api/v1/projects", "{\"name\":\"" + PROJECT + "\"}");
        http.post(BASE + "/versions", registration("model", "a"));
        http.post(BASE + "/runs", batch(run("model", "a", "{}")));
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    /** The POST routes with a valid body each. */
    static Stream<String[]> bodyRoutes() {
        return Stream.of(
                new String[] {"/api/v1/projects", "{\"name\":\"Another\"}"},
                new String[] {BASE + "/versions", registration("model", "b").toString()},
                new String[] {BASE + "/runs", batch(run("model", "a", "{\"x\":1}")).toString()},
                new String[] {BASE + "/datasets", CatalogApiContract.dataset("faq", CatalogApiContract.row("{\"q\":1}", "2"))
                        .toString()},
                new String[] {BASE + "/judges", CatalogApiContract.declarative("matcher", "ok").toString()},
                new String[] {BASE + "/evaluations", EvaluationApiContract.creation("model:v1", "faq:v1", "matcher:v1")
                        .toString()},
                new String[] {EVALUATION + "/rows", EvaluationApiContract.rows(EvaluationApiContract.scored(0, 1, true))
                        .toString()},
                new String[] {EVALUATION + "/fail", "{\"reason\":\"broke\"}"});
    }

    static Stream<String> routes() {
        return bodyRoutes().map(r -> r[0]);
    }

    /** Sends {@code request}, checks the problem, then that the server still answers and stored nothing. */
    void expectProblem(int status, String type, java.util.function.Supplier<Reply> request) {
        long runs = fixture.store().runs().count(ws.project(fixture.store(), PROJECT));
        int versions = fixture.store().models().list(ws.project(fixture.store(), PROJECT)).size();
        int projects = fixture.store().projects().list(ws.name()).size();
        int datasets = fixture.store().datasets().list(ws.project(fixture.store(), PROJECT)).size();
        int judges = fixture.store().judges().list(ws.project(fixture.store(), PROJECT)).size();
        int evaluations = fixture.store().evaluations().list(ws.project(fixture.store(), PROJECT), 100).size();

        assertProblem(request.get(), status, type);

        assertThat(http.get("/api/v1/projects").status()).isEqualTo(200);
        assertThat(fixture.store().runs().count(ws.project(fixture.store(), PROJECT))).isEqualTo(runs);
        assertThat(fixture.store().models().list(ws.project(fixture.store(), PROJECT))).hasSize(versions);
        assertThat(fixture.store().projects().list(ws.name())).hasSize(projects);
        assertThat(fixture.store().datasets().list(ws.project(fixture.store(), PROJECT))).hasSize(datasets);
        assertThat(fixture.store().judges().list(ws.project(fixture.store(), PROJECT))).hasSize(judges);
        assertThat(fixture.store().evaluations().list(ws.project(fixture.store(), PROJECT), 100)).hasSize(evaluations);
    }

    @ParameterizedTest
    @MethodSource("routes")
    void malformedAndTruncatedJsonIsMalformed(String route) {
        for (String body : List.of("{", "{\"name\":", "[1,2", "not json", "{}}", "{} {}", "", "nul", "{\"a\" 1}",
                "{\"name\":\"x\",\"name\":\"y\"}",
                // a field of the wrong kind or name before the broken part: still malformed, not invalid
                "{\"unknown\":1} {", " \t\n{\"name\":12,", "{\"name\":12} x")) {
            expectProblem(400, "malformed-json", () -> http.post(route, body));
        }
    }

    @ParameterizedTest
    @MethodSource("bodyRoutes")
    void truncatedValidBodiesAreMalformed(String route, String valid) {
        for (int cut : new int[] {1, valid.length() / 2, valid.length() - 1}) {
            expectProblem(400, "malformed-json", () -> http.post(route, valid.substring(0, cut)));
        }
    }

    @ParameterizedTest
    @MethodSource("routes")
    void documentsOfTheWrongShapeAreInvalid(String route) {
        for (String body : List.of("null", "[]", "\"text\"", "12", "{\"unknown\":1}")) {
            expectProblem(400, "invalid-request", () -> http.post(route, body));
        }
    }

    @ParameterizedTest
    @MethodSource("bodyRoutes")
    void unknownFieldsAreInvalid(String route, String valid) throws Exception {
        ObjectNode body = (ObjectNode) Http.JSON.readTree(valid);
        body.put("sneaky", true);
        expectProblem(400, "invalid-request", () -> http.post(route, body));
    }

    static ObjectNode assessed(String assessmentJson) {
        try {
            ObjectNode r = run("model", "a", "{}");
            r.set("assessment", Http.JSON.readTree(assessmentJson));
            return r;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void assessmentsAreCheckedStrictly() {
        assertThat(http.post(BASE + "/judges", CatalogApiContract.declarative("matcher", "ok")).status()).isIn(200, 201);
        assertThat(http.post(BASE + "/runs", batch(assessed("{\"judgeTag\":\"matcher:v1\",\"score\":1,\"passed\":true,"
                + "\"error\":null}"))).status()).isEqualTo(200);
        for (String bad : List.of(
                "{\"judgeTag\":\"matcher:v1\",\"score\":\"1\"}",
                "{\"judgeTag\":\"matcher:v1\",\"score\":1,\"passed\":\"true\"}",
                "{\"judgeTag\":\"matcher:v1\",\"score\":1,\"passed\":1}",
                "{\"judgeTag\":\"matcher:v1\",\"error\":42}",
                "{\"judgeTag\":7,\"score\":1}",
                "{\"judgeTag\":\"matcher:v1\",\"score\":1e400}",
                "{\"judgeTag\":\"matcher:v1\",\"score\":-1e400}",
                "{\"judgeTag\":\"matcher:v1\",\"score\":1,\"error\":\"both\"}",
                "{\"judgeTag\":\"matcher:v1\"}",
                "{\"judgeTag\":\"matcher:v1\",\"error\":\"no score\",\"passed\":false}",
                "{\"judgeTag\":\"matcher:v1\",\"score\":1,\"judgeVersionId\":\"x\"}",
                "{\"judgeTag\":\"matcher:v1\",\"score\":1,\"colour\":\"red\"}",
                "{\"score\":1}",
                "{\"judgeTag\":\"matcher:v1\",\"error\":\"nul\\u0000byte\"}",
                "\"matcher:v1\"",
                "[1]",
                "7")) {
            expectProblem(400, "invalid-request", () -> http.post(BASE + "/runs", batch(run("model", "a", "{}"),
                    assessed(bad))));
        }
        // NaN is not JSON
        String nan = batch(assessed("{\"judgeTag\":\"matcher:v1\",\"score\":12345}")).toString()
                .replace("12345", "NaN");
        expectProblem(400, "malformed-json", () -> http.post(BASE + "/runs", nan));
        for (String tag : List.of("matcher", "matcher:latest", "matcher:v0", "matcher:v01", "a:b:v1")) {
            expectProblem(400, "invalid-tag", () -> http.post(BASE + "/runs", batch(assessed(
                    "{\"judgeTag\":" + Http.JSON.valueToTree(tag) + ",\"score\":1}"))));
        }
        expectProblem(422, "unknown-version", () -> http.post(BASE + "/runs", batch(run("model", "a", "{}"),
                assessed("{\"judgeTag\":\"matcher:v9\",\"score\":1}"))));
    }

    @Test
    void aRepeatedKeyInARunBatchIsMalformedAndAnOutOfRangeIntegerInvalid() {
        String good = batch(run("model", "a", "{}")).toString();
        String run = run("model", "a", "{}").toString();
        String repeatedInRun = "{\"runs\":[" + run + "," + run.replaceFirst("\\{", "{\"thread\":\"t\",") + "]}";
        expectProblem(400, "malformed-json", () -> http.post(BASE + "/runs", repeatedInRun));
        expectProblem(400, "malformed-json", () -> http.post(BASE + "/runs",
                good.replaceFirst("\\{", "{\"runs\":[],")));
        String assessed = "{\"runs\":[" + run.replaceFirst("\\{", "{\"assessment\":{\"judgeTag\":\"j:v1\",\"score\":1,"
                + "\"score\":2},") + "]}";
        expectProblem(400, "malformed-json", () -> http.post(BASE + "/runs", assessed));
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/runs",
                "{\"runs\":[" + run.replaceFirst("\\{", "{\"latencyNs\":99999999999999999999999,").replaceFirst(",\"latencyNs\":[0-9]+", "") + "]}"));
        // a syntax error after a wrong type: the body is malformed first, whatever its shape
        expectProblem(400, "malformed-json", () -> http.post(BASE + "/runs", "{\"runs\":[{\"id\":7}],"));
    }

    @Test
    void wrongTypesAreInvalidNotCoerced() {
        expectProblem(400, "invalid-request", () -> http.post("/api/v1/projects", "{\"name\":12}"));
        expectProblem(400, "invalid-request", () -> http.post("/api/v1/projects", "{\"name\":true}"));
        expectProblem(400, "invalid-request", () -> http.post("/api/v1/projects", "{\"name\":[\"x\"]}"));
        ObjectNode reg = registration("model", "c");
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/versions", reg.deepCopy().put("key", 42)));
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/versions", reg.deepCopy().put("code", 1.5)));
        for (ObjectNode bad : List.of(run("model", "a", "{}").put("startedAtMicros", "123"),
                run("model", "a", "{}").put("latencyNs", 1.5), run("model", "a", "{}").put("latencyNs", -1),
                run("model", "a", "{}").put("thread", 7), run("model", "a", "{}").put("id", false),
                run("model", "a", "{}").put("id", "x".repeat(37)), run("model", "a", "{}").put("inputsJson", "{\"a\":"),
                run("model", "a", "{}").put("outputJson", "1 2"), run("model", "a", "{}").put("inputsJson", "NaN"),
                run("model", "a", "{}").put("errorMessage", "nul\u0000byte"))) {
            // the good run first: a bad run later in the batch must keep it out too
            expectProblem(400, "invalid-request", () -> http.post(BASE + "/runs", batch(run("model", "a", "{}"), bad)));
        }
        // a lone surrogate can only travel as a JSON escape; PostgreSQL could not store it
        String lone = batch(run("model", "a", "{}").put("thread", "LONE")).toString().replace("LONE", "\\ud800");
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/runs", lone));
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/runs", "{\"runs\":\"x\"}"));
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/runs", "{\"runs\":[1]}"));
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/runs", "{}"));
        ObjectNode ds = CatalogApiContract.dataset("faq", CatalogApiContract.row("1", null));
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/datasets", ds.deepCopy().put("description", 3)));
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/datasets", ds.deepCopy().put("rows", "x")));
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/datasets", "{\"name\":\"faq\",\"description\":\"\","
                + "\"rows\":[{\"inputJson\":1}]}"));
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/datasets", "{\"name\":\"faq\",\"description\":\"\","
                + "\"rows\":[{\"input\":1}]}"));
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/datasets", CatalogApiContract.dataset("faq",
                CatalogApiContract.row("NaN", null))));
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/datasets", CatalogApiContract.dataset("faq",
                CatalogApiContract.row("{\"a\":1,\"a\":2}", null))));
        String loneInRow = CatalogApiContract.dataset("faq", CatalogApiContract.row("\"LONE\"", null)).toString()
                .replace("LONE", "\\\\ud800");
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/datasets", loneInRow));
        ObjectNode judge = CatalogApiContract.declarative("matcher", "ok");
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/judges", judge.deepCopy().put("code", 1)));
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/judges", judge.deepCopy().put("specJson", "NaN")));
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/judges", judge.deepCopy().putNull("metadataJson")));
        ObjectNode creation = EvaluationApiContract.creation("model:v1", "faq:v1", "matcher:v1");
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/evaluations", creation.deepCopy().put("parallelism",
                "4")));
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/evaluations", creation.deepCopy().put("parallelism",
                1.5)));
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/evaluations", creation.deepCopy().put("modelTag", 1)));
        for (ObjectNode bad : List.of(EvaluationApiContract.scored(0, 1, true).put("index", "0"),
                EvaluationApiContract.scored(0, 1, true).put("index", 1.5),
                EvaluationApiContract.scored(0, 1, true).put("score", "1"),
                EvaluationApiContract.scored(0, 1, true).put("passed", "yes"),
                EvaluationApiContract.scored(0, 1, true).put("inputJson", "NaN"),
                EvaluationApiContract.scored(0, 1, true).put("runId", "x".repeat(65)))) {
            expectProblem(400, "invalid-request", () -> http.post(EVALUATION + "/rows", EvaluationApiContract.rows(
                    EvaluationApiContract.scored(1, 1, true), bad)));
        }
        expectProblem(400, "invalid-request", () -> http.post(EVALUATION + "/fail", "{\"reason\":7}"));
    }

    @ParameterizedTest
    @MethodSource("routes")
    void deeplyNestedJsonIsMalformed(String route) {
        expectProblem(400, "malformed-json", () -> http.post(route, "[".repeat(100_000)));
        expectProblem(400, "malformed-json", () -> http.post(route, "{\"name\":" + "[".repeat(100_000)));
    }

    @Test
    void deeplyNestedJsonInsideAJsonFieldIsInvalid() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/runs", batch(run("model", "a", deep))));
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/datasets", CatalogApiContract.dataset("faq",
                CatalogApiContract.row(deep, null))));
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/judges",
                CatalogApiContract.declarative("matcher", "ok").put("specJson", deep)));
    }

    @ParameterizedTest
    @MethodSource("routes")
    void aTenMegabyteBodyIsTooLarge(String route) {
        String huge = "{\"name\":\"" + "a".repeat(10 * 1024 * 1024) + "\"}";
        expectProblem(413, "payload-too-large", () -> http.post(route, huge));
    }

    @ParameterizedTest
    @MethodSource("routes")
    void aGzipBombIsTooLargeNotAnOutOfMemory(String route) {
        byte[] bomb = (" ".repeat(64 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII);
        expectProblem(413, "payload-too-large", () -> http.postGzip(route, bomb));
    }

    @ParameterizedTest
    @MethodSource("bodyRoutes")
    void otherMediaTypesAndEncodingsAreUnsupported(String route, String valid) {
        byte[] body = valid.getBytes(StandardCharsets.UTF_8);
        expectProblem(415, "unsupported-media-type", () -> http.send("POST", route, body, "Content-Type", "text/plain"));
        expectProblem(415, "unsupported-media-type", () -> http.send("POST", route, body));
        expectProblem(415, "unsupported-media-type", () -> http.send("POST", route, body,
                "Content-Type", "application/json", "Content-Encoding", "br"));
        expectProblem(400, "malformed-json", () -> http.send("POST", route, body,
                "Content-Type", "application/json", "Content-Encoding", "gzip"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"model:v0", "model:v01", "model:vx", ":v1", "model", "model:", "model:v-1", "mo\u0007del:v1",
        "model:v99999999999", "mo del:v1 ", "model:V1"})
    void invalidTagsAreInvalidTag(String tag) {
        expectProblem(400, "invalid-tag", () -> http.get(BASE + "/models/" + segment(tag)));
        expectProblem(400, "invalid-tag", () -> http.get(BASE + "/tags/" + segment(tag)));
        expectProblem(400, "invalid-tag", () -> http.get(BASE + "/runs?model=" + segment(tag)));
        expectProblem(400, "invalid-tag", () -> http.get(BASE + "/datasets/" + segment(tag)));
        expectProblem(400, "invalid-tag", () -> http.get(BASE + "/datasets/" + segment(tag) + "/rows"));
        expectProblem(400, "invalid-tag", () -> http.get(BASE + "/judges/" + segment(tag)));
        expectProblem(400, "invalid-tag", () -> http.post(BASE + "/evaluations",
                EvaluationApiContract.creation(tag, "faq:v1", "matcher:v1")));
    }

    @Test
    void aNulInAPathIsRefusedBeforeRoutingAndInAQueryIsAnInvalidTag() {
        expectProblem(400, "invalid-request", () -> http.get(BASE + "/models/" + segment("mo\u0000del:v1")));
        expectProblem(400, "invalid-tag", () -> http.get(BASE + "/runs?model=" + segment("mo\u0000del:v1")));
    }

    @Test
    void aTooLongUrlIs414AndTooLargeHeadersAre431() {
        expectProblem(414, "uri-too-long", () -> http.get(BASE + "/runs?model=" + "a".repeat(20_000)));
        expectProblem(431, "headers-too-large",
                () -> http.send("GET", BASE + "/runs", null, "X-Padding", "a".repeat(20_000)));
        expectProblem(431, "headers-too-large", () -> http.send("GET", BASE + "/runs", null,
                "X-Padding-1", "a".repeat(5_000), "X-Padding-2", "a".repeat(5_000)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "bell\u0007", "line\nbreak", "tab\there", "x'; DROP TABLE runs; --", "a:b",
        "<script>alert(1)</script>", " ", "\u202Eevil"})
    void invalidNamesAreInvalidRequests(String name) {
        ObjectNode body = Http.JSON.createObjectNode().put("name", name);
        expectProblem(400, "invalid-request", () -> http.post("/api/v1/projects", body));
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/versions", registration(name, "x")));
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/runs", batch(run(name, "a", "{}"))));
        expectProblem(400, "invalid-request", () -> http.get("/api/v1/projects/" + segment(name) + "/models"));
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/datasets", CatalogApiContract.dataset(name,
                CatalogApiContract.row("1", null))));
        expectProblem(400, "invalid-request", () -> http.post(BASE + "/judges", CatalogApiContract.declarative(name, "x")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=1001", "limit=abc", "limit=-1", "limit=1.5", "limit=", "cursor=%25%25%25",
        "cursor=bm90IGEgY3Vyc29y", "from=yesterday", "to=2026-13-01T00:00:00Z", "from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z",
        "errors=1", "limit=1&limit=2", "nope=1"})
    void badQueryParametersAreInvalid(String query) {
        expectProblem(400, "invalid-request", () -> http.get(BASE + "/runs?" + query));
    }

    @Test
    void unicodeNamesRoundTripThroughPathAndJson() {
        String project = "Проект 東京 ü ñ ٣";
        String model = "модель_1.β";
        assertThat(http.post("/api/v1/projects", Http.JSON.createObjectNode().put("name", project)).status()).isEqualTo(201);
        String base = "/api/v1/projects/" + segment(project);
        assertThat(http.post(base + "/versions", registration(model, "x")).status()).isEqualTo(201);
        assertThat(http.post(base + "/runs", batch(run(model, "x", "{\"s\":\"ß\"}"))).status()).isEqualTo(200);

        assertThat(http.get("/api/v1/projects").json()).extracting(p -> p.get("name").asText()).contains(project);
        assertThat(http.get(base + "/tags/" + segment(model + ":latest")).json().get("name").asText()).isEqualTo(model);
        JsonNode runs = http.get(base + "/runs?model=" + segment(model + ":v1")).json().get("runs");
        assertThat(runs.get(0).get("modelTag").asText()).isEqualTo(model + ":v1");
        assertThat(runs.get(0).get("inputs").get("s").asText()).isEqualTo("ß");
    }

    @Test
    void injectionStringsAreStoredAndReadBackVerbatim() {
        List<String> hostile = new ArrayList<>(List.of("'; DROP TABLE runs; --", "\" OR 1=1 --", "<script>alert(1)</script>",
                "Robert'); DELETE FROM projects;--", "\\u0000 is not a NUL", "${jndi:ldap://x}", "%00%27"));
        for (String text : hostile) {
            ObjectNode r = run("model", "a", Http.JSON.createObjectNode().put("q", text).toString())
                    .put("thread", text).put("errorType", "E").put("errorMessage", text).put("errorStack", text);
            assertThat(http.post(BASE + "/runs", batch(r)).status()).isEqualTo(200);
            JsonNode stored = http.get(BASE + "/runs?limit=1").json().get("runs").get(0);
            assertThat(stored.get("id").asText()).isEqualTo(r.get("id").asText());
            assertThat(stored.get("thread").asText()).isEqualTo(text);
            assertThat(stored.get("inputs").get("q").asText()).isEqualTo(text);
            assertThat(stored.get("error").get("message").asText()).isEqualTo(text);
        }
        assertThat(http.get("/api/v1/projects").status()).isEqualTo(200);
    }
}
