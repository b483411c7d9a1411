package org.bighummingbird.server.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bighummingbird.server.Fixtures.registration;
import static org.bighummingbird.server.Http.segment;
import static org.bighummingbird.server.rest.ApiContract.assertProblem;
import static org.bighummingbird.server.rest.CatalogApiContract.dataset;
import static org.bighummingbird.server.rest.CatalogApiContract.declarative;
import static org.bighummingbird.server.rest.CatalogApiContract.row;
import static org.bighummingbird.server.rest.EvaluationApiContract.creation;
import static org.bighummingbird.server.rest.EvaluationApiContract.errorRow;
import static org.bighummingbird.server.rest.EvaluationApiContract.rows;
import static org.bighummingbird.server.rest.EvaluationApiContract.scored;

import com.fasterxml.jackson.databind.JsonNode;
import org.bighummingbird.server.Http;
import org.bighummingbird.server.Http.Reply;
import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.server.ServerFixture;
import org.bighummingbird.server.ServerFixture.Workspace;
import org.bighummingbird.store.EvaluationRowView;
import org.bighummingbird.store.ProjectRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An evaluation's rows are checked against its dataset version: index in range, the dataset row's
 * input, each index once (identical re-sends are retries, other content a 409), and complete only
 * with every row; against a real server, on SQLite and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EvaluationRowIntegrityContract {
    static final String PROJECT = "Integrity Project";

    ServerFixture fixture;
    Http http;
    Workspace ws;
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
    void twoRowDataset() {
        ws = fixture.newWorkspace();
        http = ws.http();
        assertThat(http.post("/api/v1/projects", "{\"name\":\"" + PROJECT + "\"}").status()).isEqualTo(201);
        base = "/api/v1/projects/" + segment(PROJECT);
        assertThat(http.post(base + "/versions", registration("bot", "a + b")).status()).isEqualTo(201);
        // the inputs as uploaded are not canonical: the server stores {"a":1,"b":[1,2]} and "q1"
        assertThat(http.post(base + "/datasets", dataset("ds", row("{ \"b\": [1, 2.0], \"a\": 1 }", null),
                row("\"q1\"", null))).status()).isEqualTo(201);
        assertThat(http.post(base + "/judges", declarative("matcher", "ok")).status()).isEqualTo(201);
    }

    ProjectRef project() {
        return ws.project(fixture.store(), PROJECT);
    }

    String create() {
        Reply created = http.post(base + "/evaluations", creation("bot:v1", "ds:v1", "matcher:v1"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    static com.fasterxml.jackson.databind.node.ObjectNode first(double score) {
        return scored(0, score, true).put("inputJson", "{\"a\":1,\"b\":[1,2]}");
    }

    Reply append(String id, com.fasterxml.jackson.databind.node.ObjectNode body) {
        return http.post(base + "/evaluations/" + id + "/rows", body);
    }

    @Test
    void theIssuesProbeIsRefusedAndStoresNothing() {
        String id = create();

        Reply probe = append(id, rows(first(1), scored(99, 1, true), first(1), scored(1, 1, true)
                .put("inputJson", "\"not q1\"")));

        assertProblem(probe, 400, "invalid-request");
        assertThat(probe.json().get("detail").asText()).startsWith("rows[1].index must be 0 to 1")
                .contains("ds:v1").contains("got 99");
        assertThat(fixture.store().evaluations().rows(project(), id, 0, 10)).isEmpty();
    }

    @Test
    void anIndexPastTheDatasetIsRefused() {
        String id = create();

        Reply past = append(id, rows(scored(2, 1, true)));

        assertProblem(past, 400, "invalid-request");
        assertThat(past.json().get("detail").asText()).startsWith("rows[0].index").contains("got 2");
        assertThat(fixture.store().evaluations().rows(project(), id, 0, 10)).isEmpty();
    }

    @Test
    void theInputMustBeTheDatasetRowsInputAsCanonicalJson() {
        String id = create();

        Reply wrong = append(id, rows(scored(1, 1, true).put("inputJson", "\"q0\"")));
        Reply reordered = append(id, rows(scored(0, 1, true).put("inputJson", "{\"b\":[1.0,2],\"a\":1.0}")));

        assertProblem(wrong, 400, "invalid-request");
        assertThat(wrong.json().get("detail").asText()).startsWith("rows[0].inputJson must be the input of row 1")
                .contains("\"q1\"").contains("got \"q0\"");
        assertThat(reordered.status()).as(reordered.toString()).isEqualTo(200);
        assertThat(fixture.store().evaluations().rows(project(), id, 0, 10)).extracting(EvaluationRowView::inputJson)
                .containsExactly("{\"a\":1,\"b\":[1,2]}");
    }

    @Test
    void anIdenticalResendIsARetryAndOtherContentIsAConflict() {
        String id = create();
        assertThat(append(id, rows(first(1))).status()).isEqualTo(200);

        Reply retry = append(id, rows(first(1), scored(1, 0.5, false)));
        Reply changed = append(id, rows(scored(1, 0.5, false), first(0.25)));
        Reply twiceInOneBatch = http.post(base + "/evaluations/" + create() + "/rows",
                rows(scored(1, 0.5, false), scored(1, 0.75, false)));

        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertProblem(changed, 409, "evaluation-row-conflict");
        assertThat(changed.json().get("detail").asText()).startsWith("rows[1]:").contains("index 0")
                .contains("score 1.0, not 0.25");
        assertProblem(twiceInOneBatch, 409, "evaluation-row-conflict");
        assertThat(fixture.store().evaluations().rows(project(), id, 0, 10)).extracting(EvaluationRowView::score)
                .containsExactly(1.0, 0.5);
    }

    @Test
    void anIdenticalRowTwiceInOneBatchIsStoredOnce() {
        String id = create();

        Reply twice = append(id, rows(first(1), first(1)));

        assertThat(twice.status()).as(twice.toString()).isEqualTo(200);
        assertThat(fixture.store().evaluations().rows(project(), id, 0, 10)).hasSize(1);
    }

    @Test
    void completeRefusesWhileRowsAreMissingAndNamesThem() {
        String id = create();
        assertThat(append(id, rows(scored(1, 1, true))).status()).isEqualTo(200);

        Reply early = http.post(base + "/evaluations/" + id + "/complete", "{}");
        assertThat(append(id, rows(first(1))).status()).isEqualTo(200);
        Reply done = http.post(base + "/evaluations/" + id + "/complete", "{}");

        assertProblem(early, 409, "evaluation-incomplete");
        assertThat(early.json().get("detail").asText()).contains("1 of the 2 rows").contains("missing index 0")
                .contains("fail");
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().get("rows").asInt()).isEqualTo(2);
    }

    @Test
    void anEvaluationWithoutRowsCannotCompleteButCanFailWithAReason() {
        String id = create();

        Reply empty = http.post(base + "/evaluations/" + id + "/complete", "{}");
        Reply failed = http.post(base + "/evaluations/" + id + "/fail", "{\"reason\":\"the model is down\"}");

        assertProblem(empty, 409, "evaluation-incomplete");
        assertThat(empty.json().get("detail").asText()).contains("missing indexes 0, 1");
        assertThat(failed.json().get("evaluation").get("status").asText()).isEqualTo("failed");
        assertThat(failed.json().get("evaluation").get("failure").asText()).isEqualTo("the model is down");
    }

    @Test
    void anErrorRowCountsAsThere() {
        String id = create();
        assertThat(append(id, rows(errorRow(1).put("inputJson", "\"q1\""), first(3))).status()).isEqualTo(200);

        JsonNode done = http.post(base + "/evaluations/" + id + "/complete", "{}").json();

        assertThat(done.get("rows").asInt()).isEqualTo(2);
        assertThat(done.get("errors").asInt()).isEqualTo(1);
    }

    @Test
    void anyBatchToAFinishedEvaluationIsAConflictEvenAnEmptyOne() {
        String failed = create();
        http.post(base + "/evaluations/" + failed + "/fail", "{\"reason\":\"x\"}");
        String complete = create();
        append(complete, rows(first(1), scored(1, 1, true)));
        assertThat(http.post(base + "/evaluations/" + complete + "/complete", "{}").status()).isEqualTo(200);

        assertProblem(append(failed, rows()), 409, "evaluation-not-running");
        assertProblem(append(complete, rows()), 409, "evaluation-not-running");
        assertProblem(append(complete, rows(first(1))), 409, "evaluation-not-running");
        assertThat(append(create(), rows()).status()).isEqualTo(200);
    }

    @Test
    void lengthsAreComparedInCodePointsSoRowsBeyondTheBasicPlaneRetryCleanly() {
        assertThat(http.post(base + "/datasets", dataset("birds", row("\"🐦 é 模\"", null))).status()).isEqualTo(201);
        String id = http.post(base + "/evaluations", creation("bot:v1", "birds:v1", "matcher:v1")).json().get("id")
                .asText();
        com.fasterxml.jackson.databind.node.ObjectNode bird = scored(0, 1, true).put("inputJson", "\"🐦 é 模\"")
                .put("outputJson", "\"🐦🐦\"").put("runId", "🐦-run");

        Reply first = append(id, rows(bird));
        Reply retry = append(id, rows(bird.deepCopy()));
        Reply other = append(id, rows(bird.deepCopy().put("outputJson", "\"🐦🐥\"")));
        Reply wrongBird = append(id, rows(bird.deepCopy().put("inputJson", "\"🐥 é 模\"")));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertProblem(other, 409, "evaluation-row-conflict");
        assertThat(other.json().get("detail").asText()).contains("outputJson");
        assertProblem(wrongBird, 400, "invalid-request");
        assertThat(http.post(base + "/evaluations/" + id + "/complete", "{}").json().get("rows").asInt()).isEqualTo(1);
    }
}
