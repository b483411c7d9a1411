package org.bighummingbird;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An LLM-as-a-judge evaluation against a local chat-completions server: a row whose reply is
 * malformed, a 500 or too slow is an error row, and the evaluation completes.
 */
class LlmJudgeEvaluationTest {
    @TempDir
    Path home;

    private HttpServer server;
    private String baseUrl;
    private PrintStream originalOut;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", this::answer);
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        originalOut = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setOut(originalOut);
        server.stop(0);
    }

    /** Answers by what the prompt asks about: a score, a malformed body, a 500, or nothing in time. */
    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = 200;
            String body = completion("{\"score\": 8}");
            if (request.contains("ANSWER-malformed")) {
                body = "{\"choices\": [";
            } else if (request.contains("ANSWER-500")) {
                status = 500;
                body = "{\"error\": \"boom\"}";
            } else if (request.contains("ANSWER-slow")) {
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (request.contains("ANSWER-low")) {
                body = completion("I would say 3 out of 10.");
            }
            byte[] out = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
        } catch (IOException e) {
            // the judge gave up waiting: nothing to answer
        }
    }

    private static String completion(String content) {
        return "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + "\"" + content.replace("\"", "\\\"") + "\"},\"finish_reason\":\"stop\"}]}";
    }

    @Test
    void failingRepliesAreErrorRowsAndTheEvaluationCompletes() {
        try (var bhb = BigHummingbird.local("LLM Project", home)) {
            String ds = bhb.uploadDataset(Dataset.of("llm_rows", "", List.of("good", "malformed", "500", "slow",
                    "low")));
            String judge = bhb.addJudge(Judge.llm("helpful", "helpfulness", LlmJudgeConfig
                    .builder("judge-model", "Question: {{input}}\nAnswer: {{output}}\nRate it 1 to 10.")
                    .baseUrl(baseUrl).apiKeyVariable(null).maxRetries(0).timeout(Duration.ofMillis(500))
                    .passingThreshold(5).build()));
            var model = bhb.trace("answerer", (String q) -> "ANSWER-" + q);

            Evaluation ev = bhb.evaluate(model, judge, ds);

            assertThat(ev.status()).isEqualTo(Evaluation.Status.COMPLETE);
            assertThat(ev.summary().rows()).isEqualTo(5);
            assertThat(ev.summary().passed()).isEqualTo(1);
            assertThat(ev.summary().failed()).isEqualTo(1);
            assertThat(ev.summary().errors()).isEqualTo(3);
            List<Evaluation.Row> rows = new ArrayList<>();
            ev.rows().forEach(rows::add);
            assertThat(rows.get(0).score()).isEqualTo(8.0);
            assertThat(rows.get(4).score()).isEqualTo(3.0);
            assertThat(rows.get(1).error()).startsWith("the judge failed: ");
            assertThat(rows.get(2).error()).startsWith("the judge failed: ").contains("500");
            assertThat(rows.get(3).error()).startsWith("the judge failed: ").contains("no answer within 500 ms");
            assertThat(rows.subList(1, 4)).allSatisfy(r -> assertThat(r.outputJson()).startsWith("\"ANSWER-"));
        }
    }
}
