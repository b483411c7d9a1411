package org.bighummingbird.server.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bighummingbird.server.Fixtures.batch;
import static org.bighummingbird.server.Fixtures.registration;
import static org.bighummingbird.server.Fixtures.run;
import static org.bighummingbird.server.Http.segment;
import static org.bighummingbird.server.rest.ApiContract.assertProblem;
import static org.bighummingbird.server.rest.CatalogApiContract.dataset;
import static org.bighummingbird.server.rest.CatalogApiContract.row;
import static org.bighummingbird.server.rest.EvaluationApiContract.creation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.bighummingbird.server.Http;
import org.bighummingbird.server.Http.Reply;
import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.server.ServerFixture;
import org.bighummingbird.server.ServerFixture.Workspace;
import org.bighummingbird.store.json.ViewJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The rules of issue 14 that a body must follow, against a real server on SQLite and PostgreSQL:
 * declarative judge specs that can run, run times in range (and every time written readable by the
 * server's own parser), names that are not only dots or spaces. A refused request changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RequestRulesContract {
    static final String PROJECT = "Rules Project";
    /** One day less a nanosecond. */
    static final long MAX_LATENCY_NS = 86_399_999_999_999L;
    /** 9999-12-31T23:59:59.999999Z. */
    static final long LAST_MICROS = 253_402_300_799_999_999L;

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
    void project() {
        ws = fixture.newWorkspace();
        http = ws.http();
        assertThat(http.post("/api/v1/projects", "{\"name\":\"" + PROJECT + "\"}").status()).isEqualTo(201);
        base = "/api/v1/projects/" + segment(PROJECT);
        assertThat(http.post(base + "/versions", registration("bot", "a + b")).status()).isEqualTo(201);
    }

    static ObjectNode judge(String name, String kind, String specJson) {
        return Http.JSON.createObjectNode().put("judgeName", name).put("kind", kind).put("description", "")
                .put("specJson", specJson).put("code", "").put("metadataJson", "{}");
    }

    static final String LLM = "{\"kind\":\"llm\",\"model\":\"m\",\"promptTemplate\":\"Rate {{output}}\","
            + "\"systemPrompt\":\"s\",\"baseUrl\":\"http://localhost:11434\",\"temperature\":0,"
            + "\"timeoutMillis\":1000,\"maxRetries\":1}";

    @Test
    void judgeSpecsThatCouldNeverRunAreRefusedNamingTheField() {
        List<String[]> probes = List.of(
                new String[] {"regex", "{\"kind\":\"regex\"}", "specJson.pattern is required"},
                new String[] {"regex", "{\"kind\":\"regex\",\"pattern\":\"(\"}", "specJson.pattern is not a valid"},
                new String[] {"llm", LLM.replace("\"temperature\":0", "\"temperature\":\"hot\""),
                    "specJson.temperature must be a finite number"},
                new String[] {"tolerance", "{\"kind\":\"tolerance\",\"tolerance\":-1}", "specJson.tolerance must be 0"},
                new String[] {"llm", LLM.replace("{{output}}", "{{secret}}"), "specJson.promptTemplate has an unknown"},
                new String[] {"llm", LLM.replace("1000", "0"), "specJson.timeoutMillis must be an integer"},
                new String[] {"exact", "{\"kind\":\"exact\",\"pattern\":\"a\"}", "specJson.pattern is not a field"});
        for (String[] probe : probes) {
            Reply reply = http.post(base + "/judges", judge("broken", probe[0], probe[1]));
            assertProblem(reply, 400, "invalid-request");
            assertThat(reply.json().get("detail").asText()).as(probe[1]).startsWith(probe[2]);
        }
        assertThat(http.get(base + "/judges").json()).isEmpty();
        assertThat(http.post(base + "/datasets", dataset("ds", row("1", null))).status()).isEqualTo(201);
        assertProblem(http.post(base + "/evaluations", creation("bot:v1", "ds:v1", "broken:v1")), 404, "not-found");
        assertThat(http.post(base + "/judges", judge("good", "llm", LLM)).status()).isEqualTo(201);
        assertThat(http.post(base + "/judges", judge("re", "regex", "{\"kind\":\"regex\",\"pattern\":\"^a\"}"))
                .status()).isEqualTo(201);
    }

    @Test
    void aStartOutsideYears1970To9999OrALatencyOfADayIsRefusedNamingTheRun() {
        ObjectNode late = run("bot", "a + b", "{}").put("startedAtMicros", Long.MAX_VALUE);
        ObjectNode early = run("bot", "a + b", "{}").put("startedAtMicros", -1);
        ObjectNode slow = run("bot", "a + b", "{}").put("latencyNs", MAX_LATENCY_NS + 1);
        ObjectNode negative = run("bot", "a + b", "{}").put("latencyNs", -1);

        Reply lateReply = http.post(base + "/runs", batch(run("bot", "a + b", "{}"), late));
        for (ObjectNode bad : List.of(early, slow, negative)) {
            assertProblem(http.post(base + "/runs", batch(bad)), 400, "invalid-request");
        }

        assertProblem(lateReply, 400, "invalid-request");
        assertThat(lateReply.json().get("detail").asText()).startsWith("runs[1].startedAtMicros of run \""
                + late.get("id").asText() + "\"").contains("9999-12-31T23:59:59.999999Z");
        assertThat(fixture.store().runs().count(ws.project(fixture.store(), PROJECT))).isZero();
    }

    @Test
    void runsAtTheBoundsAreStoredAndTheirTimesReadBackThroughTheServersOwnParser() {
        ObjectNode first = run("bot", "a + b", "{\"a\":1}").put("startedAtMicros", 0L)
                .put("latencyNs", 0);
        ObjectNode last = run("bot", "a + b", "{\"a\":2}").put("startedAtMicros", LAST_MICROS)
                .put("latencyNs", MAX_LATENCY_NS);
        assertThat(http.post(base + "/runs", batch(first, last)).status()).isEqualTo(200);

        JsonNode runs = http.get(base + "/runs").json().get("runs");

        assertThat(runs).extracting(r -> r.get("startedAt").asText())
                .containsExactlyInAnyOrder("1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z");
        for (JsonNode r : runs) {
            String at = r.get("startedAt").asText();
            assertThat(at).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
            Reply from = http.get(base + "/runs?from=" + at);
            Reply to = http.get(base + "/runs?to=" + at);
            assertThat(from.status()).as(from.toString()).isEqualTo(200);
            assertThat(to.status()).as(to.toString()).isEqualTo(200);
            String id = r.get("id").asText();
            assertThat(from.json().get("runs")).extracting(x -> x.get("id").asText()).contains(id);
            assertThat(to.json().get("runs")).extracting(x -> x.get("id").asText()).doesNotContain(id); // exclusive
        }
        JsonNode model = http.get(base + "/models").json().get("models").get(0);
        assertThat(ViewJson.parseInstant(model.get("createdAt").asText())).isPositive();
    }

    @Test
    void evaluationRowLatencyIsBoundedToo() {
        assertThat(http.post(base + "/datasets", dataset("ds", row("1", null))).status()).isEqualTo(201);
        assertThat(http.post(base + "/judges", judge("re", "regex", "{\"kind\":\"regex\",\"pattern\":\"^a\"}"))
                .status()).isEqualTo(201);
        String id = http.post(base + "/evaluations", creation("bot:v1", "ds:v1", "re:v1")).json().get("id").asText();
        ObjectNode body = Http.JSON.createObjectNode();
        body.putArray("rows").addObject().put("index", 0).put("inputJson", "1").put("outputJson", "1")
                .put("score", 1).put("latencyNs", MAX_LATENCY_NS + 1);

        Reply reply = http.post(base + "/evaluations/" + id + "/rows", body);

        assertProblem(reply, 400, "invalid-request");
        assertThat(reply.json().get("detail").asText()).startsWith("rows[0].latencyNs must be from 0 to");
    }

    @Test
    void namesOfOnlyDotsOrSpacesAreRefusedForProjectsModelsDatasetsAndJudges() {
        for (String name : List.of(".", "..", "...", ". .", " . ")) {
            String quoted = Http.JSON.getNodeFactory().textNode(name).toString();
            Reply project = http.post("/api/v1/projects", "{\"name\":" + quoted + "}");
            Reply model = http.post(base + "/versions", registration(name, "a + b"));
            Reply data = http.post(base + "/datasets", dataset(name, row("1", null)));
            Reply judge = http.post(base + "/judges", judge(name, "exact", "{\"kind\":\"exact\"}"));
            for (Reply reply : List.of(project, model, data, judge)) {
                assertProblem(reply, 400, "invalid-request");
                assertThat(reply.json().get("detail").asText()).as(name).contains("must not be only dots and spaces");
            }
        }
        assertThat(http.get("/api/v1/projects").json()).extracting(p -> p.get("name").asText())
                .containsExactly(PROJECT);
        assertThat(http.get(base + "/models").json().get("models")).hasSize(1);
        assertThat(http.get(base + "/datasets").json()).isEmpty();
        assertThat(http.get(base + "/judges").json()).isEmpty();
        assertThat(http.post("/api/v1/projects", "{\"name\":\"v1.2\"}").status()).isEqualTo(201);
    }
}
