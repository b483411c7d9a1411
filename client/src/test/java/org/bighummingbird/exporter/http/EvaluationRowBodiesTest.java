package org.bighummingbird.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bighummingbird.sdk.internal.export.Json;
import org.bighummingbird.sdk.spi.SinkRejected;
import org.bighummingbird.sdk.spi.catalog.EvaluationRowView;
import org.bighummingbird.testing.ScriptedServer;
import org.bighummingbird.testing.ScriptedServer.Answer;
import org.junit.jupiter.api.Test;

class EvaluationRowBodiesTest {
    private static EvaluationRowView row(int index, String input) {
        return new EvaluationRowView(index, input, "\"out\"", 1.5, true, 10, null, "run-" + index);
    }

    @Test
    void bodiesHoldAtMostMaxRowsAndEveryRowOnceInOrder() throws Exception {
        List<EvaluationRowView> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rows.add(row(i, "\"q" + i + "\""));
        }

        List<byte[]> bodies = EvaluationRowBodies.split(Json.copy(), rows, 10, 1 << 20);

        assertThat(bodies).hasSize(3);
        List<Integer> indexes = new ArrayList<>();
        for (byte[] body : bodies) {
            JsonNode json = Json.READER.readTree(body);
            assertThat(json.get("rows").size()).isLessThanOrEqualTo(10);
            json.get("rows").forEach(r -> indexes.add(r.get("index").asInt()));
        }
        assertThat(indexes).hasSize(25).isSorted();
        JsonNode first = Json.READER.readTree(bodies.get(0)).get("rows").get(0);
        assertThat(first.toString()).isEqualTo("{\"index\":0,\"inputJson\":\"\\\"q0\\\"\",\"outputJson\":\"\\\"out\\\"\","
                + "\"score\":1.5,\"passed\":true,\"latencyNs\":10,\"error\":null,\"runId\":\"run-0\"}");
    }

    @Test
    void errorTextIsSentAsTheStoreKeepsIt() {
        assertThat(StorableText.of("a\u0000b\ud800c\ud83d\ude00d\udc00"))
                .isEqualTo("a\uFFFDb\uFFFDc\ud83d\ude00d\uFFFD");
        assertThat(EvaluationRowBodies.storable("a\u0000b\ud800c\ud83d\ude00d\udc00"))
                .isEqualTo("a\uFFFDb\uFFFDc\ud83d\ude00d\uFFFD");
        assertThat(EvaluationRowBodies.storable("plain")).isEqualTo("plain");
        assertThat(EvaluationRowBodies.storable(null)).isNull();
        String cut = EvaluationRowBodies.storable("x".repeat(EvaluationRowBodies.MAX_TEXT + 5));
        assertThat(cut).hasSize(EvaluationRowBodies.MAX_TEXT).endsWith("x…");
    }

    @Test
    void largeRowsMakeMoreSmallerBodiesAndARowOverTheLimitGoesAlone() throws Exception {
        String big = "\"" + "x".repeat(300) + "\"";
        List<EvaluationRowView> rows = List.of(row(0, big), row(1, big), row(2, "\"" + "y".repeat(2_000) + "\""),
                row(3, "1"));

        List<byte[]> bodies = EvaluationRowBodies.split(Json.copy(), rows, 1_000, 1_000);

        List<Integer> rowsPerBody = new ArrayList<>();
        for (byte[] body : bodies) {
            rowsPerBody.add(Json.READER.readTree(body).get("rows").size());
        }
        assertThat(rowsPerBody).containsExactly(2, 1, 1);
        assertThat(bodies.get(0).length).isLessThanOrEqualTo(1_000);
        assertThat(bodies.get(1).length).isGreaterThan(1_000);
    }

    @Test
    void rowsAProxyRefusesAsTooLargeAreSplitUntilEveryOneArrivesOnceInOrder() {
        try (ScriptedServer server = ScriptedServer.start()) {
            // a proxy in front of the server takes 64 KiB; what fits reaches the server's rows route
            server.maxBodyBytes(64 * 1024);
            server.answer(r -> r.rawPath().endsWith("/rows") && r.header("x-too-large") == null, Integer.MAX_VALUE,
                    Answer.of(200, "{}"));
            RemoteCatalog catalog = new RemoteCatalog(ServerUrl.parse(server.url()), null, "P", Duration.ofSeconds(2),
                    Duration.ofSeconds(5), Duration.ofMillis(1));
            List<EvaluationRowView> rows = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                rows.add(row(i, "\"" + "r".repeat(2_000) + i + "\""));
            }
            catalog.appendEvaluationRows("0190a0a0-0000-7000-8000-0000000000e1", rows);

            List<Integer> stored = new ArrayList<>();
            for (ScriptedServer.Request r : server.requests()) {
                if (r.rawPath().endsWith("/rows") && r.header("x-too-large") == null) {
                    r.json().get("rows").forEach(row -> stored.add(row.get("index").asInt()));
                }
            }
            assertThat(stored).isEqualTo(IntStream.range(0, 300).boxed().toList());
        }
    }

    @Test
    void aSingleRowTooLargeEvenAloneIsRefused() {
        try (ScriptedServer server = ScriptedServer.start()) {
            server.maxBodyBytes(64 * 1024);
            server.answer(r -> r.rawPath().endsWith("/rows") && r.header("x-too-large") == null, Integer.MAX_VALUE,
                    Answer.of(200, "{}"));
            RemoteCatalog catalog = new RemoteCatalog(ServerUrl.parse(server.url()), null, "P", Duration.ofSeconds(2),
                    Duration.ofSeconds(5), Duration.ofMillis(1));
            List<EvaluationRowView> rows = List.of(row(0, "1"), row(1, "\"" + "h".repeat(100_000) + "\""));
            SinkRejected refused = catchThrowableOfType(SinkRejected.class,
                    () -> catalog.appendEvaluationRows("0190a0a0-0000-7000-8000-0000000000e1", rows));
            assertThat(refused.status()).isEqualTo(413);
        }
    }
}
