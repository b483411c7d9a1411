package org.bighummingbird.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.Dataset;
import org.bighummingbird.Evaluation;
import org.bighummingbird.Fn1;
import org.bighummingbird.Judge;
import org.bighummingbird.LlmJudgeConfig;
import org.bighummingbird.cli.Bhb;
import org.bighummingbird.server.BhbServer;
import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.store.EvaluationInfo;
import org.bighummingbird.store.EvaluationRowView;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;
import org.bighummingbird.store.ThrowawayPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The customer-support flow of the issue, evaluations included, through a real server (SQLite and
 * PostgreSQL): upload a dataset, add a code judge with a pseudo-random score, trace a model and
 * evaluate it. The console lines equal the embedded store's, the evaluation and its rows are on the
 * server, an LLM-as-a-judge evaluation against a local chat-completions server turns a malformed
 * reply and a 500 into error rows, {@code bhb evals} through the API prints what it prints from the
 * server's store file, and another workspace's key sees none of it.
 */
class EvaluationsThroughServerTest {
    private static final String PROJECT = "Customer Support - évaluations 日本";
    private static final String WORKSPACE = "support";
    private static final String LLM_KEY_PROPERTY = "BHB_IT_LLM_KEY";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private HttpServer llm;

    @BeforeEach
    void startChatCompletions() throws IOException {
        llm = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        llm.setExecutor(Executors.newCachedThreadPool());
        llm.createContext("/", EvaluationsThroughServerTest::chat);
        llm.start();
        System.setProperty(LLM_KEY_PROPERTY, "sk-test");
    }

    @AfterEach
    void stopChatCompletions() {
        llm.stop(0);
        System.clearProperty(LLM_KEY_PROPERTY);
    }

    // Answers by what the prompt holds, so rows may run in any order: a malformed body for
    // "lost parcel", a 500 for "refund", else a score.
    private static void chat(HttpExchange exchange) throws IOException {
        try (exchange) {
            String prompt = JSON.readTree(exchange.getRequestBody().readAllBytes()).at("/messages/1/content").asText();
            int status = 200;
            String body;
            if (prompt.contains("lost parcel")) {
                body = "{\"choices\": [ {\"message\": ";
            } else if (prompt.contains("refund")) {
                status = 500;
                body = "{\"error\":\"overloaded\"}";
            } else {
                String content = "{\"score\": " + (prompt.contains("password") ? 9 : 4) + "}";
                body = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                        + JSON.writeValueAsString(content) + "},\"finish_reason\":\"stop\"}]}";
            }
            byte[] out = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
        }
    }

    @Test
    void onSqlite() throws Exception {
        Path serverHome = dir.resolve("server");
        try (BhbServer server = BhbServer.start(ServerConfig.builder().port(0).home(serverHome).build())) {
            // workspace default: the CLI reads that workspace from a store file
            Flow flow = flow(server, Store.DEFAULT_WORKSPACE);
            remoteCliPrintsWhatTheStoreFilePrints(server, serverHome, flow);
        }
    }

    @Test
    void onPostgres() throws Exception {
        try (ThrowawayPostgres database = new ThrowawayPostgres();
                BhbServer server = BhbServer.start(ServerConfig.builder().port(0).jdbcUrl(database.url()).build())) {
            flow(server, WORKSPACE);
        }
    }

    private record Flow(String key, String first, String second, String llmEvaluation) {}

    private Flow flow(BhbServer server, String workspace) throws Exception {
        String key = server.store().apiKeys().create(workspace, "support team").token();
        String strangersKey = server.store().apiKeys().create("elsewhere", "someone else").token();

        List<String> embeddedLines;
        try (BigHummingbird local = BigHummingbird.local(PROJECT, dir.resolve("embedded-" + server.url().hashCode()))) {
            embeddedLines = printed(() -> evaluateSupport(local));
        }

        String first;
        String second;
        String llmId;
        List<String> remoteLines;
        try (BigHummingbird bhb = client(server, key)) {
            List<String> ids = new ArrayList<>();
            remoteLines = printed(() -> ids.add(evaluateSupport(bhb).id()));
            first = ids.get(0);
            Evaluation again = printedQuietly(() -> bhb.evaluate(supportModel(bhb), "random_judge:latest",
                    "support questions:v1"));
            second = again.id();

            String llmJudge = bhb.addJudge(Judge.llm("helpful", "an LLM grades helpfulness", LlmJudgeConfig
                    .builder("judge-model", "Question: {{input}}\nAnswer: {{output}}")
                    .baseUrl("http://127.0.0.1:" + llm.getAddress().getPort()).apiKeyVariable(LLM_KEY_PROPERTY)
                    .maxRetries(0).passingThreshold(5).build()));
            Evaluation graded = printedQuietly(() -> bhb.evaluate(supportModel(bhb), llmJudge, "support questions:v1"));
            llmId = graded.id();

            assertThat(graded.summary().rows()).isEqualTo(5);
            assertThat(graded.summary().errors()).isEqualTo(3);
            assertThat(graded.summary().passed()).isEqualTo(1);
            assertThat(graded.summary().failed()).isEqualTo(1);
            List<Evaluation.Row> rows = new ArrayList<>();
            graded.rows().forEach(rows::add);
            assertThat(rows).extracting(Evaluation.Row::isError).containsExactly(false, true, true, false, true);
            assertThat(rows.get(1).error()).isNotBlank();
            assertThat(rows.get(2).error()).contains("500");
            assertThat(bhb.evaluation(first).summary().rows()).isEqualTo(5);
            assertThat(bhb.compare(first, second).regressions()).isEmpty();
            // assess mode works through the server too (AssessThroughServerTest); an unknown judge fails at once
            assertThat(bhb.assess("random_judge:v1").judgeTag()).isEqualTo("random_judge:v1");
            assertThatThrownBy(() -> bhb.assess("random_judge:v9"))
                    .isInstanceOf(org.bighummingbird.JudgeUnavailable.class);
        }

        assertThat(remoteLines).isEqualTo(embeddedLines);
        assertThat(remoteLines).hasSize(6);
        assertThat(remoteLines.get(5)).matches("✔ All cases in dataset passed\\.|✖ \\d out of 5 failed\\.");

        ProjectRef project = server.store().projects().find(workspace, PROJECT).orElseThrow();
        EvaluationInfo stored = server.store().evaluations().find(project, first).orElseThrow();
        assertThat(stored.status()).isEqualTo(EvaluationInfo.COMPLETE);
        assertThat(stored.rows()).isEqualTo(5);
        assertThat(stored.modelTag().toString()).isEqualTo("support bot:v1");
        List<EvaluationRowView> rows = server.store().evaluations().rows(project, first, 0, 100);
        assertThat(rows).extracting(EvaluationRowView::index).containsExactly(0, 1, 2, 3, 4);
        assertThat(rows).allSatisfy(r -> assertThat(r.runId()).isNotNull());
        // a NUL in the model's exception message is kept as the embedded store keeps it
        assertThat(rows.get(4).error()).contains("backend\uFFFDdown");
        assertThat(server.store().runs().count(project)).isGreaterThanOrEqualTo(15);
        assertThat(server.store().evaluations().list(project, 10)).extracting(EvaluationInfo::id)
                .containsExactly(llmId, second, first);

        String path = "/api/v1/projects/" + segment(PROJECT) + "/evaluations/" + first;
        assertThat(get(server, key, path).statusCode()).isEqualTo(200);
        HttpResponse<String> stranger = get(server, strangersKey, path);
        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(stranger.body()).contains("urn:bighummingbird:problem:not-found");
        try (BigHummingbird elsewhere = client(server, strangersKey)) {
            assertThatThrownBy(() -> elsewhere.evaluation(first)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no evaluation " + first);
        }
        return new Flow(key, first, second, llmId);
    }

    private static Evaluation evaluateSupport(BigHummingbird bhb) {
        String dataset = bhb.uploadDataset(Dataset.of("support questions", "Customer questions", List.of(
                Dataset.Row.of("How do I reset my password?", "Use the link on the sign-in page."),
                Dataset.Row.of("Where is my lost parcel?"),
                Dataset.Row.of("Can I get a refund?"),
                Dataset.Row.of(Map.of("question", "Wo ist meine Bestellung?", "tier", "gold")),
                Dataset.Row.of("注文はどこですか？"))));
        String judge = bhb.addJudge(Judge.of("random_judge", "1 to 10, pseudo-random by the answer",
                (String out) -> 1.0 + Math.floorMod(out.hashCode(), 10), s -> s > 5));
        return bhb.evaluate(supportModel(bhb), judge, dataset);
    }

    private static Fn1<Object, String> supportModel(BigHummingbird bhb) {
        return bhb.trace("support bot", (Object question) -> {
            if (String.valueOf(question).contains("注文")) {
                throw new IllegalStateException("backend\u0000down");
            }
            return "Thanks for asking: " + question;
        });
    }

    private void remoteCliPrintsWhatTheStoreFilePrints(BhbServer server, Path serverHome, Flow flow) {
        List<List<String>> commands = List.of(
                List.of("evals"),
                List.of("evals", "--json"),
                List.of("evals", "--limit", "2", "--json"),
                List.of("evals", "show", flow.first()),
                List.of("evals", "show", flow.llmEvaluation(), "--json"),
                List.of("evals", "show", flow.llmEvaluation(), "--limit", "3"),
                List.of("evals", "compare", flow.first(), flow.second()),
                List.of("evals", "compare", flow.first(), flow.second(), "--json"),
                List.of("evals", "compare", flow.first(), flow.llmEvaluation()));
        for (List<String> command : commands) {
            Result local = bhb(command, List.of("--home", serverHome.toString()), null, null);
            Result remote = bhb(command, List.of(), server.url(), flow.key());
            assertThat(local.exit).as("exit of local %s: %s", command, local.err).isZero();
            assertThat(remote.exit).as("exit of %s: %s", command, remote.err).isZero();
            assertThat(remote.out).as("output of %s", command).isEqualTo(local.out).isNotBlank();
        }
        Result missing = bhb(List.of("evals", "show", "0192f4a8-7c3e-7d2a-9b1f-2c4d6e8fa0b1"), List.of(),
                server.url(), flow.key());
        assertThat(missing.exit).isEqualTo(1);
        assertThat(missing.err).contains("no evaluation 0192f4a8-7c3e-7d2a-9b1f-2c4d6e8fa0b1");
    }

    private Result bhb(List<String> command, List<String> extra, String url, String apiKey) {
        List<String> args = new ArrayList<>(command);
        args.addAll(extra);
        args.addAll(List.of("--project", PROJECT));
        if (url != null) {
            System.setProperty("bhb.url", url);
            System.setProperty("bhb.apiKey", apiKey);
        }
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Bhb.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
            return new Result(exit, out.toString(), err.toString());
        } finally {
            System.clearProperty("bhb.url");
            System.clearProperty("bhb.apiKey");
        }
    }

    private record Result(int exit, String out, String err) {}

    private BigHummingbird client(BhbServer server, String key) {
        return BigHummingbird.builder(PROJECT).url(server.url()).apiKey(key).home(dir.resolve("client-" + key.hashCode()))
                .build();
    }

    /** What {@code action} prints to stdout, line by line. */
    private static List<String> printed(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static <T> T printedQuietly(Supplier<T> action) {
        List<T> result = new ArrayList<>();
        printed(() -> result.add(action.get()));
        return result.get(0);
    }

    private static HttpResponse<String> get(BhbServer server, String key, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Authorization", "Bearer " + key).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
