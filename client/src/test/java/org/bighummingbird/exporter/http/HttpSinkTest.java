package org.bighummingbird.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bighummingbird.core.RunAssessment;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.sdk.spi.SinkRejected;
import org.bighummingbird.sdk.spi.SinkUnavailable;
import org.bighummingbird.testing.ScriptedServer;
import org.bighummingbird.testing.ScriptedServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTTP sink against a scripted endpoint that speaks docs/api.md. */
class HttpSinkTest {
    private final ScriptedServer server = ScriptedServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpSink sink(String apiKey) {
        return new HttpSink(ServerUrl.parse(server.url()), apiKey, Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(1));
    }

    static VersionRegistration registration(String model) {
        return new VersionRegistration(model, "key-" + model, "fp", "{\"parameters\":[]}", "x -> x", "source", "{}");
    }

    static RunRecord run(String model, String inputs) {
        return new RunRecord(UUID.randomUUID().toString(), model, "key-" + model, null, null, 1_700_000_000_000_000L,
                42, "main", inputs, "1", "\"Integer\"", null, null, null);
    }

    static List<RunRecord> runs(String model, int n) {
        return IntStream.range(0, n).mapToObj(i -> run(model, "{\"x\":" + i + "}")).toList();
    }

    @Test
    void bodiesAreGzipAndDecodeToTheDocumentedJson() {
        HttpSink sink = sink(null);
        assertThat(sink.register("P", registration("m"))).isEqualTo(new Tag("m", 1));
        RunRecord run = run("m", "{\"x\":1}");
        sink.write("P", List.of(run));

        assertThat(server.requests()).extracting(ScriptedServer.Request::rawPath)
                .containsExactly("/api/v1/projects", "/api/v1/projects/P/versions", "/api/v1/projects/P/runs");
        for (ScriptedServer.Request r : server.requests()) {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            assertThat(r.body()[0] & 0xff).as("gzip magic").isEqualTo(0x1f);
            assertThat(r.body()[1] & 0xff).isEqualTo(0x8b);
        }
        assertThat(server.requests("projects").get(0).json().toString()).isEqualTo("{\"name\":\"P\"}");
        JsonNode reg = server.requests("versions").get(0).json();
        assertThat(fieldNames(reg)).containsExactly("modelName", "key", "codeFingerprint", "signatureJson", "code",
                "codeKind", "metadataJson");
        assertThat(reg.get("signatureJson").asText()).isEqualTo("{\"parameters\":[]}");
        JsonNode sent = server.requests("runs").get(0).json();
        assertThat(fieldNames(sent)).containsExactly("runs");
        JsonNode r = sent.get("runs").get(0);
        assertThat(fieldNames(r)).containsExactly("id", "modelName", "versionKey", "parentId", "rootId",
                "startedAtMicros", "latencyNs", "thread", "inputsJson", "outputJson", "outputShapeJson", "errorType",
                "errorMessage", "errorStack");
        assertThat(r.get("id").asText()).isEqualTo(run.id());
        assertThat(r.get("startedAtMicros").asLong()).isEqualTo(1_700_000_000_000_000L);
        assertThat(r.get("inputsJson").asText()).isEqualTo("{\"x\":1}");
        assertThat(r.get("parentId").isNull()).isTrue();
    }

    @Test
    void anAssessmentTravelsNamingTheJudgeByTagNeverByStoreId() {
        HttpSink sink = sink(null);
        sink.register("P", registration("m"));
        RunRecord scored = run("m", "{\"x\":1}").withAssessment(new RunAssessment(null, "judge:v2", 0.5, true, null));
        RunRecord failed = run("m", "{\"x\":2}").withAssessment(
                new RunAssessment("local-store-id", "judge:v2", null, null, "the judge failed: nul\u0000byte"));
        RunRecord plain = run("m", "{\"x\":3}");
        sink.write("P", List.of(scored, failed, plain));

        JsonNode sent = server.requests("runs").get(0).json().get("runs");
        assertThat(sent.get(0).get("assessment").toString())
                .isEqualTo("{\"judgeTag\":\"judge:v2\",\"score\":0.5,\"passed\":true,\"error\":null}");
        assertThat(sent.get(1).get("assessment").toString())
                .isEqualTo("{\"judgeTag\":\"judge:v2\",\"score\":null,\"passed\":null,"
                        + "\"error\":\"the judge failed: nul\ufffdbyte\"}");
        assertThat(sent.get(2).has("assessment")).isFalse();
    }

    @Test
    void theAuthorizationHeaderIsSentOnlyWithAKey() {
        sink("bhb_0123456789ab_secret").register("P", registration("m"));
        sink(null).register("P", registration("m"));
        List<ScriptedServer.Request> requests = server.requests();
        assertThat(requests.subList(0, 2)).allMatch(r -> "Bearer bhb_0123456789ab_secret".equals(
                r.header("Authorization")));
        assertThat(requests.subList(2, 4)).allMatch(r -> r.header("Authorization") == null);
    }

    @Test
    void theProjectIsEnsuredOnceAndAgainAfterA404() {
        HttpSink sink = sink(null);
        sink.register("P", registration("m"));
        for (int i = 0; i < 3; i++) {
            sink.write("P", runs("m", 2));
        }
        assertThat(server.requests("projects")).hasSize(1);

        server.forget("P");
        sink.write("P", runs("m", 2));
        assertThat(server.requests("projects")).hasSize(2);
        assertThat(server.runs("P")).hasSize(8);
    }

    @Test
    void projectNamesWithSpacesAndAnyLetterArePercentEncodedAndRoundTrip() {
        String project = "Concept Project – Ünïcödé 東京 ½";
        HttpSink sink = sink(null);
        sink.register(project, registration("modèle 1"));
        sink.write(project, runs("modèle 1", 3));
        ScriptedServer.Request versions = server.requests("versions").get(0);
        assertThat(versions.rawPath()).doesNotContain(" ").startsWith("/api/v1/projects/Concept%20Project%20%E2%80%93")
                .matches("[\\x21-\\x7e]+");
        assertThat(versions.project()).isEqualTo(project);
        assertThat(server.projects()).containsExactly(project);
        assertThat(server.runs(project)).hasSize(3);
    }

    @Test
    void runsGoInOrderInRequestsOfAtMostAChunkAndAbout4MiB() {
        HttpSink sink = sink(null);
        sink.register("P", registration("m"));
        int n = 2 * HttpSink.CHUNK + 452;
        List<RunRecord> many = runs("m", n);
        sink.writeInOrder("P", many);
        assertThat(server.requests("runs")).extracting(r -> r.json().get("runs").size())
                .containsExactly(HttpSink.CHUNK, HttpSink.CHUNK, 452);
        assertThat(server.runs("P")).extracting(r -> r.get("id").asText())
                .containsExactlyElementsOf(many.stream().map(RunRecord::id).toList());

        String mebibyte = "\"" + "a".repeat(1024 * 1024) + "\"";
        List<RunRecord> large = IntStream.range(0, 9).mapToObj(i -> run("m", "{\"x\":" + mebibyte + "}")).toList();
        sink.write("P", large);
        List<ScriptedServer.Request> requests = server.requests("runs");
        List<Integer> sizes = requests.subList(3, requests.size()).stream().map(r -> r.json().get("runs").size())
                .toList();
        assertThat(sizes).containsExactly(3, 3, 3);
        assertThat(server.runs("P")).hasSize(n + 9);
    }

    @Test
    void aWriteKeepsTwoRequestsOpenAndTheSpoolsOrderedWriteOne() {
        HttpSink sink = sink(null);
        sink.register("P", registration("m"));
        server.slow(Duration.ofMillis(50));
        server.maxConcurrentRequests();

        List<RunRecord> ordered = runs("m", 4 * HttpSink.CHUNK);
        sink.writeInOrder("P", ordered);
        assertThat(server.maxConcurrentRequests()).isEqualTo(1);
        assertThat(server.runs("P")).extracting(r -> r.get("id").asText())
                .containsExactlyElementsOf(ordered.stream().map(RunRecord::id).toList());

        List<RunRecord> live = runs("m", 4 * HttpSink.CHUNK);
        sink.write("P", live);
        assertThat(server.maxConcurrentRequests()).isEqualTo(HttpSink.IN_FLIGHT);
        assertThat(server.runs("P")).hasSize(8 * HttpSink.CHUNK).extracting(r -> r.get("id").asText())
                .containsAll(live.stream().map(RunRecord::id).toList());
    }

    @Test
    void aWriteStartsNoFurtherRequestOnceTheServerIsAway() {
        HttpSink sink = sink(null);
        sink.register("P", registration("m"));
        server.answer(r -> r.route().equals("runs"), 1, ScriptedServer.Answer.problem(503, "unavailable", "away"));
        catchThrowableOfType(org.bighummingbird.sdk.spi.SinkUnavailable.class,
                () -> sink.writeInOrder("P", runs("m", 4 * HttpSink.CHUNK)));
        assertThat(server.requests("runs")).hasSize(1);
        assertThat(server.runs("P")).isEmpty();
    }

    @Test
    void aRunOverTheServersLimitIsRefusedAloneAndTheOthersAreStored() {
        HttpSink sink = sink(null);
        sink.register("P", registration("m"));
        List<RunRecord> runs = new ArrayList<>(runs("m", 10));
        runs.add(5, run("m", "{\"x\":\"" + "b".repeat(9 * 1024 * 1024) + "\"}"));
        SinkRejected rejected = catchThrowableOfType(SinkRejected.class, () -> sink.write("P", runs));
        assertThat(rejected.status()).isEqualTo(413);
        assertThat(rejected.type()).isEqualTo("urn:bighummingbird:problem:payload-too-large");
        assertThat(rejected.refusedRuns()).hasValue(1);
        assertThat(rejected.reason()).contains("413 payload-too-large").contains("1 run in project \"P\"");
        assertThat(server.runs("P")).hasSize(10);
    }

    /** Requests the server refused with 413 as too large. */
    private List<ScriptedServer.Request> tooLarge() {
        return server.requests("runs").stream().filter(r -> r.header("x-too-large") != null).toList();
    }

    @Test
    void aBatchAProxyRefusesAsTooLargeIsSplitInHalvesUntilEveryRunArrivesInOrder() {
        // a proxy in front of the server takes 64 KiB, far less than the SDK's 4 MiB bodies
        server.maxBodyBytes(64 * 1024);
        HttpSink sink = sink(null);
        sink.register("P", registration("m"));
        String kib = "c".repeat(1024);
        List<RunRecord> runs = IntStream.range(0, 1_000).mapToObj(i -> run("m", "{\"x\":\"" + i + kib + "\"}"))
                .toList();
        sink.writeInOrder("P", runs);
        assertThat(tooLarge()).as("the first body was refused, then split").isNotEmpty();
        assertThat(server.runs("P")).extracting(r -> r.get("id").asText())
                .containsExactlyElementsOf(runs.stream().map(RunRecord::id).toList());

        int refusedSoFar = tooLarge().size();
        List<RunRecord> more = IntStream.range(0, 1_000).mapToObj(i -> run("m", "{\"x\":\"" + i + kib + "\"}"))
                .toList();
        sink.write("P", more);
        assertThat(tooLarge()).as("the next write sends bodies that fit at once").hasSize(refusedSoFar);
        assertThat(server.runs("P")).hasSize(2_000);
    }

    @Test
    void onlyASingleRunTooLargeEvenAloneIsRefusedAndTheRestOfItsBatchArrives() {
        server.maxBodyBytes(64 * 1024);
        HttpSink sink = sink(null);
        sink.register("P", registration("m"));
        List<RunRecord> runs = new ArrayList<>(IntStream.range(0, 40)
                .mapToObj(i -> run("m", "{\"x\":\"" + "d".repeat(4 * 1024) + i + "\"}")).toList());
        RunRecord huge = run("m", "{\"x\":\"" + "e".repeat(100 * 1024) + "\"}");
        runs.add(17, huge);
        SinkRejected rejected = catchThrowableOfType(SinkRejected.class, () -> sink.write("P", runs));
        assertThat(rejected.status()).isEqualTo(413);
        assertThat(rejected.refusedRuns()).hasValue(1);
        assertThat(server.runs("P")).hasSize(40).extracting(r -> r.get("id").asText()).doesNotContain(huge.id());
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsUnavailable() {
        HttpSink sink = new HttpSink(ServerUrl.parse(server.url()), null, Duration.ofSeconds(2),
                Duration.ofMillis(200), Duration.ofSeconds(1));
        server.slow(Duration.ofSeconds(2));
        SinkUnavailable away = catchThrowableOfType(SinkUnavailable.class, () -> sink.register("P", registration("m")));
        assertThat(away).hasMessageContaining("did not answer within 200 ms");
        assertThat(away.retryAfter()).isEmpty();
    }

    @Test
    void aServerThatIsNotThereIsUnavailable() {
        server.stop();
        SinkUnavailable away = catchThrowableOfType(SinkUnavailable.class,
                () -> sink(null).write("P", runs("m", 3)));
        assertThat(away).hasMessageContaining("is unreachable");
        assertThat(away.retryAfter()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 502, 503, 504})
    void overloadAndGatewayAnswersAreUnavailableWithTheirRetryAfter(int status) {
        server.answer(r -> r.route().equals("versions"), 1,
                Answer.problem(status, "unavailable", "try later").with("Retry-After", "7"));
        SinkUnavailable away = catchThrowableOfType(SinkUnavailable.class,
                () -> sink(null).register("P", registration("m")));
        assertThat(away.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(away).hasMessageContaining(server.url()).hasMessageContaining(status + " unavailable: try later");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 413, 415, 422})
    void refusalsOfTheDataAreRejectionsNamingStatusTypeAndDetail(int status) {
        // every request: a 413 is refused for good only when even a single run is refused
        server.answer(r -> r.route().equals("runs"), Integer.MAX_VALUE, Answer.problem(status, "invalid-request", "field x is odd"));
        HttpSink sink = sink(null);
        sink.register("P", registration("m"));
        SinkRejected rejected = catchThrowableOfType(SinkRejected.class, () -> sink.write("P", runs("m", 3)));
        assertThat(rejected.status()).isEqualTo(status);
        assertThat(rejected.refusedRuns()).hasValue(3);
        assertThat(rejected.reason()).contains(server.url()).contains(status + " invalid-request: field x is odd");
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 404, 405, 409, 500, 501, 505})
    void refusalsThatSayNothingAboutTheRunsKeepThemForTheMendWait(int status) {
        server.answer(r -> r.route().equals("runs"), 2, Answer.problem(status, "internal", "not about the runs"));
        HttpSink sink = sink(null);
        sink.register("P", registration("m"));
        SinkUnavailable kept = catchThrowableOfType(SinkUnavailable.class, () -> sink.write("P", runs("m", 3)));
        assertThat(kept.retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(kept).hasMessageContaining(status + " internal: not about the runs")
                .hasMessageContaining("the runs wait in the spool");
    }

    @Test
    void aServerThatLostARegistrationIsAskedAgainNotRefused() {
        server.answer(r -> r.route().equals("runs"), 1, Answer.problem(422, "unknown-version", "no version key k"));
        HttpSink sink = sink(null);
        sink.register("P", registration("m"));
        SinkUnavailable again = catchThrowableOfType(SinkUnavailable.class, () -> sink.write("P", runs("m", 3)));
        assertThat(again.retryAfter()).isEmpty();
        assertThat(again).hasMessageContaining("registering the versions again");
    }

    @Test
    void aRejectionWithoutProblemBodyQuotesWhatTheServerSaid() {
        server.answer(r -> r.route().equals("versions"), 1, new Answer(400, java.util.Map.of(), "<html>bad</html>"));
        assertThatThrownBy(() -> sink(null).register("P", registration("m"))).isInstanceOf(SinkRejected.class)
                .hasMessageContaining("400: <html>bad</html>");
    }

    @Test
    void malformedAnswersAreUnavailableWithAClearReason() {
        HttpSink sink = sink(null);
        server.answer(r -> r.route().equals("versions"), 1, Answer.of(200, "<html>a captive portal</html>"));
        assertThatThrownBy(() -> sink.register("P", registration("m"))).isInstanceOf(SinkUnavailable.class)
                .hasMessageContaining("not a JSON object").hasMessageContaining("captive portal");
        server.answer(r -> r.route().equals("versions"), 1, Answer.of(200, "{\"name\":\"m\"}"));
        assertThatThrownBy(() -> sink.register("P", registration("m"))).isInstanceOf(SinkUnavailable.class)
                .hasMessageContaining("no tag");
        server.answer(r -> r.route().equals("versions"), 1, Answer.of(200, "{\"tag\":\"m:v0\"}"));
        assertThatThrownBy(() -> sink.register("P", registration("m"))).isInstanceOf(SinkUnavailable.class)
                .hasMessageContaining("an invalid tag").hasMessageContaining("m:v0");
        server.answer(r -> r.route().equals("runs"), 1, Answer.of(200, "{}"));
        assertThatThrownBy(() -> sink.write("P", runs("m", 2))).isInstanceOf(SinkUnavailable.class)
                .hasMessageContaining("a count other than 2");
        server.answer(r -> r.route().equals("projects"), 1, new Answer(302, java.util.Map.of("Location", "/login"), ""));
        assertThatThrownBy(() -> sink(null).register("Q", registration("m"))).isInstanceOf(SinkUnavailable.class)
                .hasMessageContaining("a redirect to /login");
        assertThat(sink.register("P", registration("m"))).isEqualTo(new Tag("m", 1));
    }

    @Test
    void anEndpointThatIsDownIsUnreachable() {
        server.stop();
        assertThatThrownBy(() -> sink(null).register("P", registration("m"))).isInstanceOf(SinkUnavailable.class)
                .hasMessageContaining("the server at " + server.url() + " is unreachable")
                .hasMessageContaining("onnection refused");
    }

    @Test
    void aConnectionTheServerClosedWhileIdleIsNotAFailure() {
        HttpSink sink = sink(null);
        sink.register("P", registration("m"));
        server.stop();
        server.restart();
        sink.write("P", runs("m", 2));
        assertThat(server.runs("P")).hasSize(2);
    }

    @Test
    void aSlowEndpointTimesOut() {
        server.slow(Duration.ofSeconds(2));
        HttpSink sink = new HttpSink(ServerUrl.parse(server.url()), null, Duration.ofSeconds(1),
                Duration.ofMillis(200), Duration.ofSeconds(1));
        assertThatThrownBy(() -> sink.register("P", registration("m"))).isInstanceOf(SinkUnavailable.class)
                .hasMessageContaining("did not answer within 200 ms");
    }

    @Test
    void retryAfterIsDeltaSecondsOrAnHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC);
        assertThat(Answers.retryAfter(Optional.of("120"), clock)).contains(Duration.ofMinutes(2));
        assertThat(Answers.retryAfter(Optional.of("Fri, 27 Nov 2026 03:00:30 GMT"), clock))
                .contains(Duration.ofSeconds(30));
        assertThat(Answers.retryAfter(Optional.of("Fri, 27 Nov 2026 02:00:00 GMT"), clock)).contains(Duration.ZERO);
        assertThat(Answers.retryAfter(Optional.of("soon"), clock)).isEmpty();
        assertThat(Answers.retryAfter(Optional.empty(), clock)).isEmpty();
    }

    @Test
    void serverUrlsAreValidatedAndNormalised() {
        assertThat(ServerUrl.parse("HTTP://Example.COM:80/team/").normalised()).isEqualTo("http://example.com/team");
        assertThat(ServerUrl.parse("https://example.com:8443").normalised()).isEqualTo("https://example.com:8443");
        assertThat(ServerUrl.parse("http://example.com/").spoolName())
                .isEqualTo(ServerUrl.parse("http://EXAMPLE.com:80").spoolName()).hasSize(16)
                .isNotEqualTo(ServerUrl.parse("http://example.com:8080").spoolName());
        for (String bad : new String[] {"ftp://example.com", "example.com", "/api", "http://", "http://a b",
                "http://example.com?x=1", "http://user:pw@example.com"}) {
            assertThatThrownBy(() -> ServerUrl.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("url").hasMessageContaining(bad);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
