package org.bighummingbird.server.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bighummingbird.server.Http.segment;
import static org.bighummingbird.server.rest.ApiContract.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.bighummingbird.core.DatasetRow;
import org.bighummingbird.core.DatasetUpload;
import org.bighummingbird.core.JudgeRegistration;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.server.Http.Reply;
import org.bighummingbird.server.Http;
import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.server.ServerFixture.Workspace;
import org.bighummingbird.server.ServerFixture;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.json.CatalogJson;
import org.bighummingbird.store.json.ViewJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * REST API v1's dataset and judge routes, success and every documented error, against a real server
 * on a random loopback port. Subclasses pick the store: SQLite and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CatalogApiContract {
    static final String PROJECT = "Support Project";
    static final String RUBRIC = "a".repeat(64);
    static final String CRITERION = "b".repeat(64);

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
    void newWorkspace() {
        ws = fixture.newWorkspace();
        http = ws.http();
        assertThat(http.post("/api/v1/projects", "{\"name\":\"" + PROJECT + "\"}").status()).isEqualTo(201);
        base = "/api/v1/projects/" + segment(PROJECT);
    }

    ProjectRef project() {
        return ws.project(fixture.store(), PROJECT);
    }

    static ObjectNode row(String inputJson, String expectedJson) {
        ObjectNode row = Http.JSON.createObjectNode().put("inputJson", inputJson);
        if (expectedJson != null) {
            row.put("expectedJson", expectedJson);
        }
        return row;
    }

    static ObjectNode dataset(String name, ObjectNode... rows) {
        ObjectNode body = Http.JSON.createObjectNode().put("name", name).put("description", "questions");
        ArrayNode array = body.putArray("rows");
        for (ObjectNode r : rows) {
            array.add(r);
        }
        return body;
    }

    static ObjectNode declarative(String name, String pattern) {
        return Http.JSON.createObjectNode().put("judgeName", name).put("kind", "regex").put("description", "matches")
                .put("specJson", "{\"kind\":\"regex\",\"pattern\":\"" + pattern + "\"}").put("code", "")
                .put("metadataJson", "{}");
    }

    static ObjectNode codeJudge(String name, String criterion) {
        ObjectNode spec = Http.JSON.createObjectNode().put("rubric", "output").put("rubricFingerprint", RUBRIC);
        spec.putArray("rubricParameters");
        if (criterion == null) {
            spec.putNull("criterionFingerprint");
        } else {
            spec.put("criterionFingerprint", criterion);
        }
        return Http.JSON.createObjectNode().put("judgeName", name).put("kind", "code").put("description", "by code")
                .put("specJson", spec.toString()).put("code", "// rubric\nout.length()").put("metadataJson", "{}");
    }

    @Test
    void uploadingNewRowsIsCreatedAndKnownRowsExistedWhateverTheirSpelling() {
        Reply first = http.post(base + "/datasets", dataset("faq", row("{\"q\":\"hi\",\"n\":1.0}", "\"hello\""),
                row("[1,2]", null)));
        Reply respelled = http.post(base + "/datasets", dataset("faq", row("{ \"n\": 1, \"q\": \"hi\" }", "\"hello\""),
                row("[1, 2e0]", null)));
        Reply changed = http.post(base + "/datasets", dataset("faq", row("[1,2]", null)));

        assertThat(first.status()).isEqualTo(201);
        String key = DatasetUpload.of("faq", "", List.of(DatasetRow.parse("{\"q\":\"hi\",\"n\":1}", "\"hello\""),
                DatasetRow.parse("[1,2]", null))).contentKey();
        assertThat(first.json().toString()).isEqualTo("{\"tag\":\"faq:v1\",\"name\":\"faq\",\"version\":1,"
                + "\"existed\":false,\"rowCount\":2,\"contentKey\":\"" + key + "\"}");
        assertThat(respelled.status()).isEqualTo(200);
        assertThat(respelled.json().get("tag").asText()).isEqualTo("faq:v1");
        assertThat(respelled.json().get("existed").asBoolean()).isTrue();
        assertThat(changed.status()).isEqualTo(201);
        assertThat(changed.json().get("tag").asText()).isEqualTo("faq:v2");
    }

    @Test
    void aClientKeyIsNotPartOfTheWireForm() {
        ObjectNode body = dataset("faq", row("1", null)).put("contentKey", "0".repeat(64));
        assertProblem(http.post(base + "/datasets", body), 400, "invalid-request");
        assertProblem(http.post(base + "/judges", declarative("j", "x").put("key", "0".repeat(64))), 400,
                "invalid-request");
    }

    @Test
    void datasetsAreTheDocumentsTheCliPrints() {
        http.post(base + "/datasets", dataset("faq", row("{\"q\":\"Grüße 東京\"}", "{\"a\":[1,{\"b\":null}]}"),
                row("2", "null"), row("3", null)));
        http.post(base + "/datasets", dataset("faq", row("4", null)));

        JsonNode list = http.get(base + "/datasets").json();
        JsonNode header = http.get(base + "/datasets/" + segment("faq:v1")).json();
        JsonNode page = http.get(base + "/datasets/" + segment("faq:v1") + "/rows").json();

        ArrayNode expected = Http.JSON.createArrayNode();
        fixture.store().datasets().list(project()).forEach(v -> expected.add(CatalogJson.dataset(v)));
        assertThat(list.toString()).isEqualTo(ViewJson.compact(expected));
        assertThat(header.toString()).isEqualTo(ViewJson.compact(CatalogJson.dataset(
                fixture.store().datasets().find(project(), TagReference.parse("faq:v1")).orElseThrow())));
        assertThat(page.get("tag").asText()).isEqualTo("faq:v1");
        assertThat(page.get("nextOffset").isNull()).isTrue();
        assertThat(page.get("rows").get(0).get("input").get("q").asText()).isEqualTo("Grüße 東京");
        assertThat(page.get("rows").get(0).get("expected").toString()).isEqualTo("{\"a\":[1,{\"b\":null}]}");
        assertThat(page.get("rows").get(1).get("expected").isNull()).isTrue();
        assertThat(page.get("rows").get(2).has("expected")).isFalse();
    }

    @Test
    void rowsPageOnTheResolvedTag() {
        http.post(base + "/datasets", dataset("big", row("0", null), row("1", null), row("2", null), row("3", null),
                row("4", null)));
        http.post(base + "/datasets", dataset("other", row("x", null)));

        JsonNode first = http.get(base + "/datasets/" + segment("big:latest") + "/rows?limit=2").json();
        JsonNode last = http.get(base + "/datasets/" + segment(first.get("tag").asText()) + "/rows?offset=4&limit=2")
                .json();
        JsonNode past = http.get(base + "/datasets/" + segment("big:v1") + "/rows?offset=9").json();

        assertThat(first.get("tag").asText()).isEqualTo("big:v1");
        assertThat(first.get("rows")).extracting(r -> r.get("index").asInt()).containsExactly(0, 1);
        assertThat(first.get("nextOffset").asInt()).isEqualTo(2);
        assertThat(last.get("rows")).extracting(r -> r.get("input").asInt()).containsExactly(4);
        assertThat(last.get("nextOffset").isNull()).isTrue();
        assertThat(past.get("rows")).isEmpty();
    }

    @Test
    void datasetErrors() {
        http.post(base + "/datasets", dataset("faq", row("1", null)));
        assertProblem(http.post("/api/v1/projects/nope/datasets", dataset("faq", row("1", null))), 404, "not-found");
        assertProblem(http.post(base + "/datasets", dataset("faq")), 400, "invalid-request");
        assertProblem(http.post(base + "/datasets", dataset("a:b", row("1", null))), 400, "invalid-request");
        assertProblem(http.post(base + "/datasets", dataset("faq", row("{\"a\":", null))), 400, "invalid-request");
        assertProblem(http.post(base + "/datasets", dataset("faq", row("1", "1 2"))), 400, "invalid-request");
        assertProblem(http.post(base + "/datasets", dataset("faq", row("123456789012345678901", null))), 400,
                "invalid-request");
        assertProblem(http.post(base + "/datasets", dataset("faq", row("1", null)).put("description", "x".repeat(10_001))),
                400, "invalid-request");
        assertProblem(http.post(base + "/datasets", "{\"name\":\"faq\",\"description\":\"\",\"rows\":[null]}"), 400,
                "invalid-request");
        assertProblem(http.get(base + "/datasets/" + segment("faq:v2")), 404, "not-found");
        assertProblem(http.get(base + "/datasets/" + segment("faq:v2") + "/rows"), 404, "not-found");
        assertProblem(http.get(base + "/datasets/" + segment("faq:v01")), 400, "invalid-tag");
        assertProblem(http.get("/api/v1/projects/nope/datasets"), 404, "not-found");
        for (String query : List.of("limit=0", "limit=10001", "offset=-1", "offset=x", "limit=1&limit=2", "nope=1")) {
            assertProblem(http.get(base + "/datasets/" + segment("faq:v1") + "/rows?" + query), 400, "invalid-request");
        }
        assertThat(fixture.store().datasets().list(project())).hasSize(1);
    }

    @Test
    void judgesGetTheKeyTheServerDerives() {
        Reply first = http.post(base + "/judges", declarative("matcher", "ok"));
        Reply same = http.post(base + "/judges", declarative("matcher", "ok"));
        Reply changed = http.post(base + "/judges", declarative("matcher", "fine"));
        Reply code = http.post(base + "/judges", codeJudge("scorer", CRITERION));
        Reply onlyScores = http.post(base + "/judges", codeJudge("scorer", null));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().toString()).isEqualTo("{\"tag\":\"matcher:v1\",\"name\":\"matcher\",\"version\":1,"
                + "\"existed\":false,\"key\":\"" + JudgeRegistration.declarativeKey("{\"kind\":\"regex\",\"pattern\":\"ok\"}")
                + "\"}");
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().get("existed").asBoolean()).isTrue();
        assertThat(changed.json().get("tag").asText()).isEqualTo("matcher:v2");
        assertThat(code.status()).isEqualTo(201);
        assertThat(code.json().get("key").asText()).isEqualTo(JudgeRegistration.codeKey("output", RUBRIC, CRITERION));
        assertThat(onlyScores.json().get("tag").asText()).isEqualTo("scorer:v2");
        assertThat(onlyScores.json().get("key").asText()).isEqualTo(JudgeRegistration.codeKey("output", RUBRIC, null));
    }

    @Test
    void judgesAreTheDocumentsTheCliPrints() {
        http.post(base + "/judges", declarative("matcher", "ok"));
        http.post(base + "/judges", codeJudge("scorer", CRITERION));

        JsonNode list = http.get(base + "/judges").json();
        JsonNode detail = http.get(base + "/judges/" + segment("scorer:latest")).json();

        ArrayNode expected = Http.JSON.createArrayNode();
        fixture.store().judges().list(project()).forEach(j -> expected.add(CatalogJson.judge(j)));
        assertThat(list.toString()).isEqualTo(ViewJson.compact(expected));
        assertThat(detail.toString()).isEqualTo(ViewJson.compact(CatalogJson.judgeDetail(
                fixture.store().judges().find(project(), TagReference.parse("scorer:v1")).orElseThrow())));
        assertThat(detail.get("code").asText()).isEqualTo("// rubric\nout.length()");
    }

    @Test
    void judgeErrors() {
        assertProblem(http.post("/api/v1/projects/nope/judges", declarative("j", "x")), 404, "not-found");
        assertProblem(http.post(base + "/judges", declarative("j", "x").put("kind", "shell")), 400, "invalid-request");
        assertProblem(http.post(base + "/judges", declarative("j", "x").put("kind", "exact")), 400, "invalid-request");
        assertProblem(http.post(base + "/judges", declarative("j", "x").put("code", "rm -rf /")), 400, "invalid-request");
        assertProblem(http.post(base + "/judges", declarative("j", "x").put("specJson", "[1]")), 400, "invalid-request");
        assertProblem(http.post(base + "/judges", declarative("j", "x").put("specJson", "{\"kind\":")), 400,
                "invalid-request");
        assertProblem(http.post(base + "/judges", declarative("bad:name", "x")), 400, "invalid-request");
        assertProblem(http.post(base + "/judges", codeJudge("c", "short")), 400, "invalid-request");
        assertProblem(http.post(base + "/judges", codeJudge("c", null).put("specJson", "{\"rubric\":\"input\"}")), 400,
                "invalid-request");
        assertProblem(http.post(base + "/judges", codeJudge("c", null).put("description", "x".repeat(10_001))), 400,
                "invalid-request");
        assertProblem(http.get(base + "/judges/" + segment("j:v1")), 404, "not-found");
        assertProblem(http.get(base + "/judges/" + segment("j:vx")), 400, "invalid-tag");
        assertProblem(http.get("/api/v1/projects/nope/judges"), 404, "not-found");
        assertThat(fixture.store().judges().list(project())).isEmpty();
    }

    @Test
    void anotherWorkspacesDatasetsAndJudgesAreMissing() {
        http.post(base + "/datasets", dataset("faq", row("1", null)));
        http.post(base + "/judges", declarative("j", "x"));
        Http stranger = fixture.newWorkspace().http();

        assertProblem(stranger.get(base + "/datasets"), 404, "not-found");
        assertProblem(stranger.get(base + "/datasets/" + segment("faq:v1") + "/rows"), 404, "not-found");
        assertProblem(stranger.get(base + "/judges/" + segment("j:v1")), 404, "not-found");
        assertProblem(stranger.post(base + "/datasets", dataset("faq", row("1", null))), 404, "not-found");
        assertProblem(fixture.anonymous().get(base + "/datasets"), 401, "unauthenticated");
    }
}
