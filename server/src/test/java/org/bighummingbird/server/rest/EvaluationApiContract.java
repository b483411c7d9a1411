package org.bighummingbird.server.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bighummingbird.server.Fixtures.batch;
import static org.bighummingbird.server.Fixtures.registration;
import static org.bighummingbird.server.Fixtures.run;
import static org.bighummingbird.server.Http.segment;
import static org.bighummingbird.server.rest.ApiContract.assertProblem;
import static org.bighummingbird.server.rest.CatalogApiContract.dataset;
import static org.bighummingbird.server.rest.CatalogApiContract.declarative;
import static org.bighummingbird.server.rest.CatalogApiContract.row;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.bighummingbird.core.RunAssessment;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.server.Http.Reply;
import org.bighummingbird.server.Http;
import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.server.ServerFixture.Workspace;
import org.bighummingbird.server.ServerFixture;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.RunQuery;
import org.bighummingbird.store.json.EvaluationJson;
import org.bighummingbird.store.json.ViewJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * REST API v1's evaluation routes, success and every documented error, against a real server on a
 * random loopback port. Subclasses pick the store: SQLite and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EvaluationApiContract {
    static final String PROJECT = "Support Project";
    static final String UNKNOWN_ID = "0192f4a8-7c3e-7d2a-9b1f-2c4d6e8fa0b1";

    ServerFixture fixture;
    Workspace ws;
    Http http;
    String base;

    abstract ServerConfig.Builder storeConfig() throws Exception;

    @BeforeAll
    void startServer() throws Exception {
        fixture = new ServerFixture(storeConfig().port(0).build());
    }

    @AfterAll
    void stopServer() {
        fixture.close();
    }

    @BeforeEach
    void newWorkspaceWithVersions() {
        ws = fixture.newWorkspace();
        http = ws.http();
        assertThat(http.post("/api/v1/projects", "{\"name\":\"" + PROJECT + "\"}").status()).isEqualTo(201);
        base = "/api/v1/projects/" + segment(PROJECT);
        assertThat(http.post(base + "/versions", registration("bot", "a + b")).status()).isEqualTo(201);
        assertThat(http.post(base + "/datasets", dataset("faq", row("\"q0\"", null), row("\"q1\"", null),
                row("\"q2\"", null))).status()).isEqualTo(201);
        assertThat(http.post(base + "/datasets", dataset("other", row("\"x\"", null))).status()).isEqualTo(201);
        assertThat(http.post(base + "/judges", declarative("matcher", "ok")).status()).isEqualTo(201);
    }

    ProjectRef project() {
        return ws.project(fixture.store(), PROJECT);
    }

    static ObjectNode creation(String model, String dataset, String judge) {
        return Http.JSON.createObjectNode().put("modelTag", model).put("datasetTag", dataset).put("judgeTag", judge)
                .put("parallelism", 4);
    }

    static ObjectNode scored(int index, double score, Boolean passed) {
        ObjectNode row = Http.JSON.createObjectNode().put("index", index).put("inputJson", "\"q" + index + "\"")
                .put("outputJson", "{\"answer\":\"a" + index + "\"}").put("score", score).put("latencyNs", 1000 + index)
                .put("runId", "0192f4a8-0000-7000-8000-00000000000" + index);
        if (passed != null) {
            row.put("passed", passed);
        }
        return row;
    }

    static ObjectNode errorRow(int index) {
        return Http.JSON.createObjectNode().put("index", index).put("inputJson", "\"q" + index + "\"")
                .put("latencyNs", 5).put("error", "the model threw IllegalStateException: down");
    }

    static ObjectNode rows(ObjectNode... rows) {
        ObjectNode body = Http.JSON.createObjectNode();
        ArrayNode array = body.putArray("rows");
        for (ObjectNode r : rows) {
            array.add(r);
        }
        return body;
    }

    String create() {
        Reply created = http.post(base + "/evaluations", creation("bot:v1", "faq:v1", "matcher:v1"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    String completed(ObjectNode... rowsToAppend) {
        String id = create();
        assertThat(http.post(base + "/evaluations/" + id + "/rows", rows(rowsToAppend)).status()).isEqualTo(200);
        assertThat(http.post(base + "/evaluations/" + id + "/complete", "{}").status()).isEqualTo(200);
        return id;
    }

    static ObjectNode assessed(String inputsJson, String judgeTag, Double score, Boolean passed, String error) {
        ObjectNode r = run("bot", "a + b", inputsJson);
        ObjectNode a = r.putObject("assessment").put("judgeTag", judgeTag).put("score", score).put("passed", passed)
                .put("error", error);
        if (score == null) {
            a.remove("passed");
        }
        return r;
    }

    @Test
    void runsCarryTheirAssessmentByJudgeTagAndReadItBack() {
        ObjectNode scored = assessed("{\"a\":1}", "matcher:v1", 0.75, true, null);
        ObjectNode noCriterion = assessed("{\"a\":2}", "matcher:v1", 0.0, null, null);
        ObjectNode failed = assessed("{\"a\":3}", "matcher:v1", null, null, "the judge failed: boom");
        ObjectNode plain = run("bot", "a + b", "{\"a\":4}");
        ObjectNode body = batch(scored, noCriterion, failed, plain);

        Reply reply = http.post(base + "/runs", body);
        Reply retry = http.post(base + "/runs", body);

        assertThat(reply.json().toString()).as(reply.toString()).isEqualTo("{\"received\":4,\"stored\":4}");
        assertThat(retry.json().get("stored").asInt()).isZero();
        String judgeId = fixture.store().judges().find(project(), TagReference.parse("matcher:v1")).orElseThrow().id();
        assertThat(fixture.store().runs().assessment(project(), scored.get("id").asText()))
                .contains(new RunAssessment(judgeId, 0.75, true, null));
        assertThat(fixture.store().runs().assessment(project(), noCriterion.get("id").asText()))
                .contains(new RunAssessment(judgeId, 0.0, null, null));
        assertThat(fixture.store().runs().assessment(project(), failed.get("id").asText()))
                .contains(new RunAssessment(judgeId, null, null, "the judge failed: boom"));
        assertThat(fixture.store().runs().assessment(project(), plain.get("id").asText())).isEmpty();

        JsonNode runs = http.get(base + "/runs").json().get("runs");
        ArrayNode expected = Http.JSON.createArrayNode();
        fixture.store().runs().list(project(), RunQuery.newest(50)).forEach(r -> expected.add(ViewJson.run(r)));
        assertThat(ViewJson.compact(runs)).isEqualTo(ViewJson.compact(expected));
        java.util.Map<String, JsonNode> byId = new java.util.HashMap<>();
        runs.forEach(r -> byId.put(r.get("id").asText(), r));
        JsonNode s = byId.get(scored.get("id").asText());
        assertThat(s.get("judgeTag").asText()).isEqualTo("matcher:v1");
        assertThat(s.get("score").asDouble()).isEqualTo(0.75);
        assertThat(s.get("passed").asBoolean()).isTrue();
        assertThat(s.get("judgeError").isNull()).isTrue();
        JsonNode f = byId.get(failed.get("id").asText());
        assertThat(f.get("judgeTag").asText()).isEqualTo("matcher:v1");
        assertThat(f.get("score").isNull()).isTrue();
        assertThat(f.get("passed").isNull()).isTrue();
        assertThat(f.get("judgeError").asText()).isEqualTo("the judge failed: boom");
        JsonNode p = byId.get(plain.get("id").asText());
        assertThat(p.get("judgeTag").isNull()).isTrue();
        assertThat(p.get("score").isNull()).isTrue();
    }

    @Test
    void anAssessmentByAnUnknownJudgeStoresNothingOfTheBatch() {
        ObjectNode good = assessed("{\"a\":1}", "matcher:v1", 1.0, true, null);
        ObjectNode unknown = assessed("{\"a\":2}", "matcher:v2", 1.0, true, null);
        ObjectNode otherJudge = assessed("{\"a\":3}", "nobody:v1", null, null, "x");

        assertProblem(http.post(base + "/runs", batch(good, unknown)), 422, "unknown-version");
        assertProblem(http.post(base + "/runs", batch(good, otherJudge)), 422, "unknown-version");
        assertProblem(http.post(base + "/runs", batch(assessed("{}", "matcher:latest", 1.0, null, null))), 400,
                "invalid-tag");

        assertThat(fixture.store().runs().count(project())).isZero();
        assertThat(fixture.store().runs().assessment(project(), good.get("id").asText())).isEmpty();
    }

    @Test
    void anEvaluationIsCreatedRunningFilledIdempotentlyAndCompletedWithTheServersSummary() {
        Reply created = http.post(base + "/evaluations", creation("bot:v1", "faq:v1", "matcher:v1"));
        String id = created.json().get("id").asText();
        Reply first = http.post(base + "/evaluations/" + id + "/rows", rows(scored(0, 8, true), errorRow(2)));
        Reply retried = http.post(base + "/evaluations/" + id + "/rows", rows(scored(0, 8, true), scored(1, 2, false)));
        Reply done = http.post(base + "/evaluations/" + id + "/complete", "{}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("running");
        assertThat(created.json().get("rows").isNull()).isTrue();
        assertThat(first.json().toString()).isEqualTo("{\"received\":2}");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(done.status()).isEqualTo(200);
        JsonNode summary = done.json();
        assertThat(summary.get("status").asText()).isEqualTo("complete");
        assertThat(summary.get("rows").asInt()).isEqualTo(3);
        assertThat(summary.get("passed").asInt()).isEqualTo(1);
        assertThat(summary.get("failed").asInt()).isEqualTo(1);
        assertThat(summary.get("errors").asInt()).isEqualTo(1);
        assertThat(summary.get("meanScore").asDouble()).isEqualTo(5.0);
        assertThat(summary.get("minScore").asDouble()).isEqualTo(2.0);
        assertThat(summary.get("maxScore").asDouble()).isEqualTo(8.0);
        assertThat(summary.get("latencyP50Ns").asLong()).isEqualTo(1000);
        assertThat(fixture.store().evaluations().rows(project(), id, 0, 10)).extracting(r -> r.score())
                .containsExactly(8.0, 2.0, null);
    }

    @Test
    void evaluationsAreTheDocumentsTheCliPrints() {
        String older = completed(scored(0, 8, true), scored(1, 9, true), scored(2, 1, false));
        String newer = completed(scored(0, 2, false), scored(1, 9, true), errorRow(2));
        String running = create();

        JsonNode list = http.get(base + "/evaluations").json();
        JsonNode limited = http.get(base + "/evaluations?limit=2").json();
        JsonNode one = http.get(base + "/evaluations/" + older).json();
        JsonNode page = http.get(base + "/evaluations/" + newer + "/rows?limit=2").json();
        JsonNode last = http.get(base + "/evaluations/" + newer + "/rows?offset=2&limit=2").json();
        JsonNode comparison = http.get(base + "/evaluations/compare?a=" + older + "&b=" + newer).json();

        ArrayNode expected = Http.JSON.createArrayNode();
        fixture.store().evaluations().list(project(), 50).forEach(e -> expected.add(EvaluationJson.evaluation(e)));
        assertThat(list.toString()).isEqualTo(ViewJson.compact(expected));
        assertThat(list).extracting(e -> e.get("id").asText()).containsExactly(running, newer, older);
        assertThat(limited).hasSize(2);
        assertThat(one.toString()).isEqualTo(ViewJson.compact(EvaluationJson.evaluation(
                fixture.store().evaluations().find(project(), older).orElseThrow())));
        assertThat(page.get("id").asText()).isEqualTo(newer);
        assertThat(page.get("rows").toString()).isEqualTo(ViewJson.compact(Http.JSON.createArrayNode()
                .addAll(fixture.store().evaluations().rows(project(), newer, 0, 2).stream()
                        .map(r -> (JsonNode) EvaluationJson.row(r)).toList())));
        assertThat(page.get("rows").get(0).get("output").get("answer").asText()).isEqualTo("a0");
        assertThat(page.get("nextOffset").asInt()).isEqualTo(2);
        assertThat(last.get("rows")).extracting(r -> r.get("error").asText())
                .containsExactly("the model threw IllegalStateException: down");
        assertThat(last.get("nextOffset").isNull()).isTrue();
        assertThat(comparison.toString()).isEqualTo(ViewJson.compact(EvaluationJson.comparison(
                fixture.store().evaluations().compare(project(), older, newer))));
        assertThat(comparison.get("regressions")).extracting(JsonNode::asInt).containsExactly(0);
        assertThat(comparison.get("improvements")).isEmpty();
        assertThat(comparison.get("rows").get(2).get("errorB").asText()).startsWith("the model threw");
    }

    static final String CLIENT_ID = "01a23b2e-c0f6-7823-b2b9-37278404b6c7";

    @Test
    void aCreateRetriedWithItsIdAnswersTheFirstEvaluation() {
        ObjectNode body = creation("bot:v1", "faq:v1", "matcher:v1").put("id", CLIENT_ID);

        Reply created = http.post(base + "/evaluations", body);
        assertThat(http.post(base + "/evaluations/" + CLIENT_ID + "/rows", rows(scored(0, 8, true))).status())
                .isEqualTo(200);
        Reply retried = http.post(base + "/evaluations", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("id").asText()).isEqualTo(CLIENT_ID);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().get("id").asText()).isEqualTo(CLIENT_ID);
        assertThat(retried.json().get("status").asText()).isEqualTo("running");
        assertThat(fixture.store().evaluations().list(project(), 10)).extracting(e -> e.id()).containsExactly(CLIENT_ID);
        assertThat(fixture.store().evaluations().rows(project(), CLIENT_ID, 0, 10)).hasSize(1);
    }

    @Test
    void theSameIdWithOtherContentIsAConflict() {
        String id = "01a23b2e-c0f6-7823-b2b9-000000000001";
        assertThat(http.post(base + "/evaluations", creation("bot:v1", "faq:v1", "matcher:v1").put("id", id))
                .status()).isEqualTo(201);

        Reply otherDataset = http.post(base + "/evaluations", creation("bot:v1", "other:v1", "matcher:v1").put("id", id));
        Reply otherParallelism = http.post(base + "/evaluations", creation("bot:v1", "faq:v1", "matcher:v1")
                .put("id", id).put("parallelism", 5));
        Workspace stranger = fixture.newWorkspace();
        stranger.http().post("/api/v1/projects", "{\"name\":\"" + PROJECT + "\"}");
        stranger.http().post(base + "/versions", registration("bot", "a + b"));
        stranger.http().post(base + "/datasets", dataset("faq", row("\"q0\"", null), row("\"q1\"", null),
                row("\"q2\"", null)));
        stranger.http().post(base + "/judges", declarative("matcher", "ok"));
        Reply elsewhere = stranger.http().post(base + "/evaluations", creation("bot:v1", "faq:v1", "matcher:v1")
                .put("id", id));

        assertProblem(otherDataset, 409, "evaluation-conflict");
        assertThat(otherDataset.json().get("detail").asText()).contains(id).contains("faq:v1").contains("other:v1");
        assertProblem(otherParallelism, 409, "evaluation-conflict");
        assertProblem(elsewhere, 409, "evaluation-conflict");
        assertThat(elsewhere.json().get("detail").asText()).contains("is taken").doesNotContain("faq");
        assertThat(fixture.store().evaluations().find(project(), id).orElseThrow().datasetTag().toString())
                .isEqualTo("faq:v1");
        assertProblem(http.post(base + "/evaluations", creation("bot:v1", "faq:v1", "matcher:v1")
                .put("id", id.toUpperCase(java.util.Locale.ROOT))), 400, "invalid-request");
    }

    @Test
    void aHeartbeatMovesHeartbeatAtAndAbandonedEvaluationsRefuseWrites() {
        String id = create();
        JsonNode created = http.get(base + "/evaluations/" + id).json();
        Reply beat = http.post(base + "/evaluations/" + id + "/heartbeat", "{}");
        assertThat(beat.status()).as(beat.toString()).isEqualTo(200);
        assertThat(beat.json().get("heartbeatAt").asText()).isGreaterThanOrEqualTo(created.get("heartbeatAt").asText());
        assertThat(created.get("heartbeatAt").asText()).isEqualTo(created.get("createdAt").asText());
        assertProblem(http.post(base + "/evaluations/" + UNKNOWN_ID + "/heartbeat", "{}"), 404, "not-found");

        long heartbeat = fixture.store().evaluations().find(project(), id).orElseThrow().heartbeatAtMicros();
        java.time.Duration silence = java.time.Duration.ofMinutes(2);
        java.time.Instant after = java.time.Instant.ofEpochSecond(0, heartbeat * 1_000).plus(silence).plusSeconds(1);
        assertThat(fixture.store().evaluations().abandonSilent(after, silence)).isGreaterThanOrEqualTo(1);

        JsonNode abandoned = http.get(base + "/evaluations/" + id).json();
        assertThat(abandoned.get("status").asText()).isEqualTo("abandoned");
        assertThat(abandoned.get("failure").asText()).startsWith("no heartbeat since ");
        assertThat(abandoned.get("finishedAt").isNull()).isFalse();
        assertThat(http.get(base + "/evaluations").json()).filteredOn(e -> e.get("id").asText().equals(id))
                .extracting(e -> e.get("status").asText()).containsExactly("abandoned");
        assertProblem(http.post(base + "/evaluations/" + id + "/rows", rows(scored(0, 1, true))), 409,
                "evaluation-not-running");
        assertProblem(http.post(base + "/evaluations/" + id + "/complete", "{}"), 409, "evaluation-not-running");
        assertProblem(http.post(base + "/evaluations/" + id + "/heartbeat", "{}"), 409, "evaluation-not-running");
        Reply fail = http.post(base + "/evaluations/" + id + "/fail", "{\"reason\":\"late\"}");
        assertThat(fail.json().get("failed").asBoolean()).isFalse();
        assertThat(fail.json().get("evaluation").get("status").asText()).isEqualTo("abandoned");
    }

    @Test
    void serversSweepingOneDatabaseAtOnceAbandonEachEvaluationOnce() throws Exception {
        ServerConfig config = fixture.server.config();
        java.time.Instant muchLater = java.time.Instant.now().plus(java.time.Duration.ofDays(1));
        java.time.Duration silence = java.time.Duration.ofMinutes(2);
        fixture.store().evaluations().abandonSilent(muchLater, silence); // earlier tests' running evaluations
        List<String> running = List.of(create(), create(), create());
        try (org.bighummingbird.store.Store other = config.jdbcUrl() != null
                ? org.bighummingbird.store.Store.open(config.jdbcUrl())
                : org.bighummingbird.store.Store.openLocal(config.home())) {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var first = two.submit(() -> {
                    start.await();
                    return fixture.store().evaluations().abandonSilent(muchLater, silence);
                });
                var second = two.submit(() -> {
                    start.await();
                    return other.evaluations().abandonSilent(muchLater, silence);
                });
                assertThat(first.get() + second.get()).isEqualTo(3);
            } finally {
                two.shutdownNow();
            }
        }
        for (String id : running) {
            assertThat(http.get(base + "/evaluations/" + id).json().get("status").asText()).isEqualTo("abandoned");
        }
    }

    @Test
    void writesToAnEvaluationThatIsNotRunningAreConflicts() {
        String id = completed(scored(0, 8, true), scored(1, 1, true), scored(2, 1, true));
        String failed = create();
        Reply fail = http.post(base + "/evaluations/" + failed + "/fail", "{\"reason\":\"the judge is unavailable\"}");
        Reply again = http.post(base + "/evaluations/" + failed + "/fail", "{\"reason\":\"other\"}");

        assertProblem(http.post(base + "/evaluations/" + id + "/rows", rows(scored(1, 1, true))), 409,
                "evaluation-not-running");
        assertProblem(http.post(base + "/evaluations/" + id + "/complete", "{}"), 409, "evaluation-not-running");
        assertProblem(http.post(base + "/evaluations/" + failed + "/rows", rows(scored(1, 1, true))), 409,
                "evaluation-not-running");
        assertThat(fail.json().get("failed").asBoolean()).isTrue();
        assertThat(fail.json().get("evaluation").get("status").asText()).isEqualTo("failed");
        assertThat(again.json().get("failed").asBoolean()).isFalse();
        assertThat(again.json().get("evaluation").get("failure").asText()).isEqualTo("the judge is unavailable");
        assertThat(http.post(base + "/evaluations/" + id + "/fail", "{\"reason\":\"late\"}").json().get("failed")
                .asBoolean()).isFalse();
        assertThat(fixture.store().evaluations().rows(project(), id, 0, 10)).hasSize(3);
    }

    @Test
    void creationNeedsVersionsOfTheProject() {
        assertProblem(http.post(base + "/evaluations", creation("bot:v2", "faq:v1", "matcher:v1")), 404, "not-found");
        assertProblem(http.post(base + "/evaluations", creation("bot:v1", "faq:v9", "matcher:v1")), 404, "not-found");
        assertProblem(http.post(base + "/evaluations", creation("bot:v1", "faq:v1", "matcher:v2")), 404, "not-found");
        assertProblem(http.post(base + "/evaluations", creation("bot:latest", "faq:v1", "matcher:v1")), 400,
                "invalid-tag");
        assertProblem(http.post(base + "/evaluations", creation("bot:v01", "faq:v1", "matcher:v1")), 400, "invalid-tag");
        assertProblem(http.post(base + "/evaluations", creation("bot:v1", "faq:v1", "matcher:v1").put("parallelism", 0)),
                400, "invalid-request");
        assertProblem(http.post(base + "/evaluations", creation("bot:v1", "faq:v1", "matcher:v1").put("id", "x")), 400,
                "invalid-request");
        assertProblem(http.post(base + "/evaluations", "{\"modelTag\":\"bot:v1\"}"), 400, "invalid-request");
        assertProblem(http.post("/api/v1/projects/nope/evaluations", creation("bot:v1", "faq:v1", "matcher:v1")), 404,
                "not-found");
        assertThat(fixture.store().evaluations().list(project(), 10)).isEmpty();
    }

    @Test
    void rowAndQueryErrors() {
        String id = create();
        String rowsPath = base + "/evaluations/" + id + "/rows";
        assertProblem(http.post(rowsPath, rows(scored(0, 1, true).put("index", -1))), 400, "invalid-request");
        assertProblem(http.post(rowsPath, rows(scored(0, 1, true).put("inputJson", "{\"a\":"))), 400, "invalid-request");
        assertProblem(http.post(rowsPath, rows(scored(0, 1, true).put("outputJson", "1 2"))), 400, "invalid-request");
        assertProblem(http.post(rowsPath, rows(scored(0, 1, true).put("latencyNs", -1))), 400, "invalid-request");
        assertProblem(http.post(rowsPath, rows(scored(0, 1, true).put("error", "also an error"))), 400,
                "invalid-request");
        assertProblem(http.post(rowsPath, rows(scored(0, 1, true).putNull("score"))), 400, "invalid-request");
        assertProblem(http.post(rowsPath, rows(scored(0, 1, true).put("score", "high"))), 400, "invalid-request");
        assertProblem(http.post(rowsPath, rows(scored(0, 1, true).put("error", "nul\u0000"))), 400, "invalid-request");
        assertProblem(http.post(rowsPath, "{\"rows\":[null]}"), 400, "invalid-request");
        assertProblem(http.post(rowsPath, rows(scored(0, 1, true)).toString().replace("\"score\":1.0", "\"score\":1e400")),
                400, "invalid-request");
        ObjectNode tooMany = rows();
        for (int i = 0; i <= EvaluationsResource.MAX_BATCH_ROWS; i++) {
            ((ArrayNode) tooMany.get("rows")).add(scored(i, 1, true));
        }
        assertProblem(http.post(rowsPath, tooMany), 413, "payload-too-large");
        assertProblem(http.post(base + "/evaluations/" + id + "/fail", "{}"), 400, "invalid-request");
        for (String query : List.of("limit=0", "limit=10001", "offset=-1", "offset=x", "limit=1&limit=2", "nope=1")) {
            assertProblem(http.get(rowsPath + "?" + query), 400, "invalid-request");
        }
        assertProblem(http.get(base + "/evaluations?limit=0"), 400, "invalid-request");
        assertProblem(http.get(base + "/evaluations?cursor=x"), 400, "invalid-request");
        assertThat(fixture.store().evaluations().rows(project(), id, 0, 10)).isEmpty();
    }

    @Test
    void idsAreValidatedAndUnknownOnesAreMissing() {
        String id = completed(scored(0, 8, true), scored(1, 1, true), scored(2, 1, true));
        for (String bad : List.of("nope", id.toUpperCase(), id + "0", "..")) {
            assertProblem(http.get(base + "/evaluations/" + segment(bad)), 400, "invalid-request");
        }
        assertProblem(http.post(base + "/evaluations/nope/rows", rows(scored(0, 1, true))), 400, "invalid-request");
        assertProblem(http.get(base + "/evaluations/" + UNKNOWN_ID), 404, "not-found");
        assertProblem(http.get(base + "/evaluations/" + UNKNOWN_ID + "/rows"), 404, "not-found");
        assertProblem(http.post(base + "/evaluations/" + UNKNOWN_ID + "/rows", rows(scored(0, 1, true))), 404,
                "not-found");
        assertProblem(http.post(base + "/evaluations/" + UNKNOWN_ID + "/complete", "{}"), 404, "not-found");
        assertProblem(http.post(base + "/evaluations/" + UNKNOWN_ID + "/fail", "{\"reason\":\"x\"}"), 404, "not-found");
        assertProblem(http.get(base + "/evaluations/compare?a=" + id + "&b=" + UNKNOWN_ID), 404, "not-found");
        assertProblem(http.get(base + "/evaluations/compare?a=" + id), 400, "invalid-request");
        assertProblem(http.get(base + "/evaluations/compare?a=" + id + "&b=x"), 400, "invalid-request");
    }

    @Test
    void evaluationsThatCannotBeComparedSaySo() {
        String done = completed(scored(0, 8, true), scored(1, 1, true), scored(2, 1, true));
        String running = create();
        Reply onOther = http.post(base + "/evaluations", creation("bot:v1", "other:v1", "matcher:v1"));
        String other = onOther.json().get("id").asText();
        http.post(base + "/evaluations/" + other + "/rows", rows(scored(0, 1, true).put("inputJson", "\"x\"")));
        assertThat(http.post(base + "/evaluations/" + other + "/complete", "{}").status()).isEqualTo(200);

        assertProblem(http.get(base + "/evaluations/compare?a=" + done + "&b=" + running), 422, "not-comparable");
        assertProblem(http.get(base + "/evaluations/compare?a=" + done + "&b=" + other), 422, "not-comparable");
    }

    @Test
    void anotherWorkspacesEvaluationIsMissing() {
        String id = completed(scored(0, 8, true), scored(1, 1, true), scored(2, 1, true));
        Workspace strangerWorkspace = fixture.newWorkspace();
        Http stranger = strangerWorkspace.http();
        stranger.post("/api/v1/projects", "{\"name\":\"" + PROJECT + "\"}");

        assertProblem(stranger.get(base + "/evaluations/" + id), 404, "not-found");
        assertProblem(stranger.get(base + "/evaluations/" + id + "/rows"), 404, "not-found");
        assertProblem(stranger.post(base + "/evaluations/" + id + "/fail", "{\"reason\":\"x\"}"), 404, "not-found");
        assertProblem(stranger.get(base + "/evaluations/compare?a=" + id + "&b=" + id), 404, "not-found");
        assertThat(stranger.get(base + "/evaluations").json()).isEmpty();
        assertProblem(fixture.anonymous().get(base + "/evaluations/" + id), 401, "unauthenticated");
        assertThat(http.get(base + "/evaluations/" + id).json().get("status").asText()).isEqualTo("complete");
    }
}
