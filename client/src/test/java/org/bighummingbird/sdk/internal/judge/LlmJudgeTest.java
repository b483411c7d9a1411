package org.bighummingbird.sdk.internal.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.bighummingbird.JudgeUnavailable;
import org.bighummingbird.core.Tag;
import org.bighummingbird.sdk.spi.catalog.JudgeVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LLM-as-a-judge against a real HTTP server on a random loopback port that speaks the
 * chat-completions protocol, answering each request with the next scripted reply.
 */
class LlmJudgeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private String baseUrl;
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();

    /** A scripted answer: status, body, headers, and how long to wait before answering. */
    record Reply(int status, String body, Map<String, String> headers, long delayMs) {}

    /** What the server received. */
    record Request(String method, String path, String authorization, String contentType, JsonNode body) {}

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), JSON.readTree(body)));
            Reply reply = replies.poll();
            if (reply == null) {
                reply = new Reply(599, "no scripted reply left", Map.of(), 0);
            }
            if (reply.delayMs() > 0) {
                try {
                    Thread.sleep(reply.delayMs());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer
        }
    }

    private void reply(int status, String body) {
        replies.add(new Reply(status, body, Map.of(), 0));
    }

    /** A chat-completions reply whose message content is {@code content}. */
    private void content(String content) throws IOException {
        String body = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"judge-model\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + JSON.writeValueAsString(content) + "},\"finish_reason\":\"stop\"}]}";
        reply(200, body);
    }

    private Spec.Llm spec(String template, long timeoutMs, int maxRetries, Double threshold) {
        return new Spec.Llm(template, "You judge.", baseUrl, "judge-model", "TEST_LLM_KEY", 0.0, timeoutMs,
                maxRetries, threshold);
    }

    private LlmScorer scorer(int maxRetries) {
        return new LlmScorer(spec("Question: {{input}}\nAnswer: {{output}}\nExpected: {{expected}}", 5_000,
                maxRetries, 6.0), "sk-test-123", 1);
    }

    @Test
    void theRequestCarriesTheKeyModelMessagesAndTemperature() throws Exception {
        content("{\"score\": 8, \"reason\": \"close\"}");
        Score score = scorer(0).score("What is 2+2?", "4", Map.of("answer", 4));

        assertThat(score.score()).isEqualTo(8.0);
        assertThat(score.passed()).isTrue();
        Request request = requests.poll();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.authorization()).isEqualTo("Bearer sk-test-123");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.body().get("model").asText()).isEqualTo("judge-model");
        assertThat(request.body().get("temperature").asDouble()).isZero();
        JsonNode messages = request.body().get("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).get("content").asText()).isEqualTo("You judge.");
        assertThat(messages.get(1).get("role").asText()).isEqualTo("user");
        assertThat(messages.get(1).get("content").asText())
                .isEqualTo("Question: What is 2+2?\nAnswer: 4\nExpected: {\"answer\":4}");
    }

    @Test
    void theScoreComesFromJsonAFencedBlockOrTheFirstNumber() throws Exception {
        content("```json\n{\"score\": 3.5, \"reason\": \"meh\"}\n```");
        content("Here is my verdict: {\"reason\": \"fine\", \"score\": 9}. Thanks");
        content("Score: 7/10");
        content("{\"score\": \"6\"}");
        LlmScorer scorer = scorer(0);

        assertThat(scorer.score("q", "a", null).score()).isEqualTo(3.5);
        assertThat(scorer.score("q", "a", null).score()).isEqualTo(9.0);
        Score seven = scorer.score("q", "a", null);
        assertThat(seven.score()).isEqualTo(7.0);
        assertThat(seven.passed()).isTrue();
        assertThat(scorer.score("q", "a", null).passed()).isTrue();
    }

    @Test
    void aReplyWithoutANumberIsAnErrorRowQuotingTheReply() throws Exception {
        content("I cannot judge this answer.");
        Score score = scorer(0).score("q", "a", null);

        assertThat(score.isError()).isTrue();
        assertThat(score.error()).contains("holds no score").contains("I cannot judge this answer.");
    }

    @Test
    void anInfiniteScoreIsAnErrorRow() throws Exception {
        content("{\"score\": 1e999}");
        assertThat(scorer(0).score("q", "a", null).error()).contains("Infinity").contains("finite");
    }

    @Test
    void aMalformedBodyOrOneWithoutContentIsAnErrorRow() {
        reply(200, "{\"choices\": [ {\"message\": ");
        reply(200, "{\"choices\": []}");
        reply(200, "<html>gateway</html>");
        LlmScorer scorer = scorer(0);

        assertThat(scorer.score("q", "a", null).error()).startsWith("the judge endpoint's reply is not JSON");
        assertThat(scorer.score("q", "a", null).error())
                .startsWith("the judge endpoint's reply has no choices[0].message.content").contains("\"choices\": []");
        assertThat(scorer.score("q", "a", null).error()).contains("<html>gateway</html>");
    }

    @Test
    void a500IsRetriedAndTheNextAnswerCounts() throws Exception {
        reply(500, "{\"error\":\"overloaded\"}");
        replies.add(new Reply(503, "busy", Map.of("Retry-After", "0"), 0));
        content("{\"score\": 2}");
        Score score = scorer(3).score("q", "a", null);

        assertThat(score.score()).isEqualTo(2.0);
        assertThat(score.passed()).isFalse();
        assertThat(requests).hasSize(3);
    }

    @Test
    void a429IsRetriedUpToMaxRetriesThenAnErrorRow() {
        for (int i = 0; i < 3; i++) {
            replies.add(new Reply(429, "{\"error\":\"rate limited\"}", Map.of("Retry-After", "0"), 0));
        }
        Score score = scorer(2).score("q", "a", null);

        assertThat(score.error()).contains("answered 429 (after 3 attempts)").contains("rate limited");
        assertThat(requests).hasSize(3);
    }

    @Test
    void a400IsNotRetried() throws Exception {
        reply(400, "{\"error\":{\"message\":\"model not found\"}}");
        content("{\"score\": 5}");
        Score score = scorer(3).score("q", "a", null);

        assertThat(score.error()).contains("answered 400").contains("model not found");
        assertThat(requests).hasSize(1);
    }

    @Test
    void aSlowEndpointTimesOutIntoAnErrorRow() {
        replies.add(new Reply(200, "{}", Map.of(), 3_000));
        LlmScorer scorer = new LlmScorer(spec("{{output}}", 200, 0, null), null, 1);
        Score score = scorer.score("q", "a", null);

        assertThat(score.error()).contains("gave no answer within 200 ms");
        assertThat(requests.poll().authorization()).as("no key variable: no header").isNull();
    }

    @Test
    void aTimeoutIsRetriedLikeAConnectionFailure() throws Exception {
        replies.add(new Reply(200, "{}", Map.of(), 3_000));
        content("{\"score\": 4}");
        LlmScorer scorer = new LlmScorer(spec("{{output}}", 500, 1, null), null, 1);

        Score score = scorer.score("q", "a", null);
        assertThat(score.score()).isEqualTo(4.0);
        assertThat(score.passed()).as("no threshold: passed unknown").isNull();
    }

    @Test
    void anEndpointThatIsNotListeningIsAnErrorRowAfterTheRetries() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Spec.Llm spec = new Spec.Llm("{{output}}", "s", "http://127.0.0.1:" + port, "m", null, 0, 2_000, 1, null);
        Score score = new LlmScorer(spec, null, 1).score("q", "a", null);

        assertThat(score.error()).startsWith("cannot reach the judge endpoint http://127.0.0.1:" + port)
                .contains("after 2 attempts");
    }

    @Test
    void aMissingKeyVariableIsAClearErrorWhenTheJudgeRunsNamingTheVariable() {
        JudgeVersion version = new JudgeVersion("id", new Tag("quality", 3), "k", "llm", "",
                spec("{{output}}", 1000, 0, null).json(), "", "{}", 0);
        JudgeRunner runner = new JudgeRunner(key -> null, name -> null, 1);

        assertThatThrownBy(() -> runner.scorer(version))
                .isInstanceOf(JudgeUnavailable.class)
                .hasMessageContaining("quality:v3")
                .hasMessageContaining("TEST_LLM_KEY")
                .hasMessageContaining("not set");
        JudgeRunner withKey = new JudgeRunner(key -> null, name -> name.equals("TEST_LLM_KEY") ? "sk-x\n" : null, 1);
        assertThat(withKey.scorer(version)).isInstanceOf(LlmScorer.class);
        JudgeRunner badKey = new JudgeRunner(key -> null, name -> "sk with spaces", 1);
        assertThatThrownBy(() -> badKey.scorer(version))
                .isInstanceOf(JudgeUnavailable.class)
                .hasMessageContaining("printable ASCII")
                .hasMessageNotContaining("sk with spaces");
    }

    @Test
    void placeholdersAreFilledInOnePassWithStringsAsTheyAreAndTheRestAsJson() {
        assertThat(LlmScorer.render("{{ input }}|{{output}}|{{expected}}", "say {{output}}", List.of(1, "a"), null))
                .isEqualTo("say {{output}}|[1,\"a\"]|null");
        assertThat(LlmScorer.render("$1 \\ {{output}}", null, "$2 \\", null)).isEqualTo("$1 \\ $2 \\");
    }

    @Test
    void anOutputThatCannotBeWrittenAsJsonNeverEscapesTheScorer() throws Exception {
        content("{\"score\": 1}");
        List<Object> cyclic = new java.util.ArrayList<>();
        cyclic.add(cyclic);
        Score score = scorer(0).score("q", cyclic, null);

        assertThat(score.isError() || score.score() == 1.0).isTrue();
    }

    @Test
    void manyThreadsShareOneScorer() throws Exception {
        for (int i = 0; i < 64; i++) {
            content("{\"score\": 7}");
        }
        LlmScorer scorer = scorer(0);
        List<Score> scores = java.util.stream.IntStream.range(0, 64).parallel()
                .mapToObj(i -> scorer.score("q" + i, "a", null)).toList();

        assertThat(scores).allSatisfy(s -> assertThat(s.score()).isEqualTo(7.0));
        assertThat(requests).hasSize(64);
    }
}
