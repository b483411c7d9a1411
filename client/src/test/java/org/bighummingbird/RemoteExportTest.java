package org.bighummingbird;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bighummingbird.sdk.internal.export.Json;
import org.bighummingbird.exporter.http.ServerUrl;
import org.bighummingbird.testing.ScriptedServer;
import org.bighummingbird.testing.ScriptedServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SDK with {@code BHB_URL}: runs go over HTTP to a scripted endpoint that speaks docs/api.md,
 * wait in the spool while it is away or overloaded, and are dropped (counted, logged once) only
 * when it refuses them for good. Calls never block or fail because of it.
 */
class RemoteExportTest {
    private static final String PROJECT = "Concept Project";

    @TempDir
    Path home;

    private final ScriptedServer server = ScriptedServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private BigHummingbird.Builder remote() {
        return BigHummingbird.builder(PROJECT).home(home).url(server.url()).apiKey(null)
                .retryBackoff(Duration.ofMillis(10)).maxRetryBackoff(Duration.ofMillis(50))
                .closeTimeout(Duration.ofSeconds(20)).tagTimeout(Duration.ofSeconds(5));
    }

    private Path remoteSpool() {
        return org.bighummingbird.exporter.http.RemoteSpools.remote(home, ServerUrl.parse(server.url()), null);
    }

    /** The model's input of each run the endpoint stored, in the order it received them. */
    private List<Integer> inputs() {
        return server.runs(PROJECT).stream().map(RemoteExportTest::input).toList();
    }

    private static int input(JsonNode run) {
        try {
            return Json.READER.readTree(run.get("inputsJson").asText()).elements().next().asInt();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Requests to the runs route that hold a run whose input matches. */
    private static Predicate<ScriptedServer.Request> runsWith(Predicate<Integer> input) {
        return r -> r.route().equals("runs") && r.json() != null
                && inputsOf(r.json().get("runs")).anyMatch(input::test);
    }

    private static Stream<Integer> inputsOf(JsonNode runs) {
        return Stream.iterate(0, i -> i < runs.size(), i -> i + 1).map(i -> input(runs.get(i)));
    }

    @Test
    void runsReachTheServerWithTheirTagAndNothingIsWrittenLocally() {
        try (var bhb = remote().build()) {
            var model = bhb.trace("model", (Integer a, Integer b) -> a + b);
            for (int i = 0; i < 100; i++) {
                assertThat(model.apply(i, 1)).isEqualTo(i + 1);
            }
            assertThat(((Traced) model).tag()).isEqualTo("model:v1");
        }
        assertThat(inputs()).isEqualTo(IntStream.range(0, 100).boxed().toList());
        assertThat(server.runs(PROJECT)).allMatch(r -> r.get("modelName").asText().equals("model"));
        assertThat(server.requests("projects")).hasSize(1);
        assertThat(home.resolve("bhb.db")).doesNotExist();
        assertThat(home.resolve("spool")).doesNotExist();
    }

    @Test
    void aServerThatAsksToRetryAfterASecondIsNotAskedAgainSooner() {
        server.answer(r -> r.route().equals("runs"), 1,
                Answer.problem(503, "unavailable", "the database is away").with("Retry-After", "1"));
        try (var bhb = remote().build()) {
            var model = bhb.trace("model", (Integer x) -> x * 2);
            for (int i = 0; i < 10; i++) {
                model.apply(i);
            }
        }
        List<ScriptedServer.Request> attempts = server.requests("runs");
        assertThat(attempts).hasSizeGreaterThanOrEqualTo(2);
        assertThat(attempts.get(1).arrivedNanos() - attempts.get(0).arrivedNanos())
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
        assertThat(inputs()).containsExactlyElementsOf(IntStream.range(0, 10).boxed().toList());
    }

    @Test
    void tooManyRequestsIsRetried() {
        server.answer(r -> r.route().equals("runs"), 2, Answer.problem(429, "too-many-requests", "slow down"));
        try (var bhb = remote().build()) {
            var model = bhb.trace("model", (Integer x) -> x * 2);
            for (int i = 0; i < 50; i++) {
                model.apply(i);
            }
            bhb.close();
            assertThat(bhb.droppedRuns()).isZero();
        }
        assertThat(server.requests("runs")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(inputs()).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 50).boxed().toList());
    }

    @ParameterizedTest
    @CsvSource({"400, invalid-request", "413, payload-too-large", "415, unsupported-media-type",
            "422, invalid-request"})
    void runsTheServerRefusesAreDroppedCountedAndLoggedOnceWhileLaterOnesArrive(int status, String type) {
        String detail = "refused-" + status + " for a reason";
        server.answer(runsWith(x -> x < 20), Integer.MAX_VALUE, Answer.problem(status, type, detail));
        String log = stderrOf(() -> {
            try (var bhb = remote().build()) {
                var model = bhb.trace("model", (Integer x) -> x * 2);
                for (int round = 0; round < 4; round++) {
                    for (int i = 0; i < 10; i++) {
                        assertThat(model.apply(round * 10 + i)).isEqualTo((round * 10 + i) * 2);
                    }
                    assertThat(bhb.flush(Duration.ofSeconds(10))).isTrue();
                }
                assertThat(bhb.droppedRuns()).isEqualTo(20);
            }
        });
        assertThat(inputs()).isEqualTo(IntStream.range(20, 40).boxed().toList());
        assertThat(log.split(detail, -1)).as("the reason is logged once:\n" + log).hasSize(2);
        assertThat(log).contains(status + " " + type);
    }

    @ParameterizedTest
    @CsvSource({"500, internal", "401, unauthenticated", "403, forbidden", "404, not-found", "409, conflict"})
    void refusalsThatSayNothingAboutTheRunsKeepThemUntilTheServerTakesThem(int status, String type) {
        server.answer(r -> r.route().equals("runs"), 3, Answer.problem(status, type, "mend me"));
        try (var bhb = remote().build()) {
            var model = bhb.trace("model", (Integer x) -> x * 2);
            for (int i = 0; i < 30; i++) {
                model.apply(i);
            }
            bhb.close();
            assertThat(bhb.droppedRuns()).isZero();
        }
        assertThat(inputs()).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 30).boxed().toList());
    }

    @Test
    void whileTheServerIsDownCallsGoOnAndEveryRunArrivesOnceInOrderWhenItIsBack() throws IOException {
        server.stop();
        try (var bhb = remote().build()) {
            var model = bhb.trace("model", (Integer x) -> x + 1);
            for (int i = 0; i < 2_000; i++) {
                assertThat(model.apply(i)).isEqualTo(i + 1);
            }
            assertThat(bhb.flush(Duration.ofSeconds(10))).as("spooled").isTrue();
            assertThat(files(remoteSpool())).isNotEmpty();
            server.restart();
        }
        assertThat(inputs()).isEqualTo(IntStream.range(0, 2_000).boxed().toList());
        assertThat(server.runs(PROJECT).stream().map(r -> r.get("id").asText()).distinct()).hasSize(2_000);
        assertThat(files(remoteSpool())).isEmpty();
    }

    @Test
    void aLaterProcessWithTheSameUrlReplaysTheSpoolAndTheLocalStoreLeavesItAlone() throws IOException {
        server.stop();
        try (var bhb = remote().closeTimeout(Duration.ofMillis(200)).build()) {
            var model = bhb.trace("model", (Integer x) -> x + 1);
            for (int i = 0; i < 100; i++) {
                model.apply(i);
            }
        }
        List<Path> left = files(remoteSpool());
        assertThat(left).isNotEmpty();
        assertThat(home.resolve("spool")).doesNotExist();

        try (var local = BigHummingbird.local(PROJECT, home)) {
            assertThat(local.flush(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(files(remoteSpool())).isEqualTo(left);

        server.restart();
        try (var next = remote().build()) {
            assertThat(next.project()).isEqualTo(PROJECT);
        }
        assertThat(inputs()).isEqualTo(IntStream.range(0, 100).boxed().toList());
        assertThat(files(remoteSpool())).isEmpty();
    }

    private static final String SECRET = "S3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3t";
    private static final String KEY_A = "bhb_aaaaaaaaaaaa_" + SECRET;
    private static final String KEY_B = "bhb_bbbbbbbbbbbb_" + SECRET;

    private void traceWith(String key, int from, int to) {
        try (var bhb = remote().apiKey(key).closeTimeout(Duration.ofMillis(200)).build()) {
            var model = bhb.trace("model", (Integer x) -> x + 1);
            for (int i = from; i < to; i++) {
                model.apply(i);
            }
        }
    }

    @Test
    void aProcessWithAnotherKeyNeverReplaysRunsSpooledUnderThisOne() throws IOException {
        server.stop();
        traceWith(KEY_A, 0, 10);
        server.restart();
        traceWith(KEY_B, 100, 105);
        assertThat(inputs()).as("the other key's process delivers only its own runs")
                .containsExactlyInAnyOrder(100, 101, 102, 103, 104);

        // the same key (its id) with a mended secret is the same key: it replays them
        traceWith("bhb_aaaaaaaaaaaa_" + "m".repeat(43), 200, 201);
        assertThat(inputs()).containsAll(IntStream.range(0, 10).boxed().toList()).hasSize(16);
        try (Stream<Path> all = Files.walk(home)) {
            String hashedKey = org.bighummingbird.core.Hashing.sha256Hex(KEY_A);
            String hashedSecret = org.bighummingbird.core.Hashing.sha256Hex(SECRET);
            assertThat(all.map(Path::toString)).as("no secret, and no unsalted hash of one, in a path")
                    .noneMatch(p -> p.contains(SECRET) || p.contains(hashedKey.substring(0, 16))
                            || p.contains(hashedSecret.substring(0, 16)));
        }
    }

    @Test
    void runsAnEarlierVersionSpooledPerUrlAloneAreLeftWhereTheyAreAndNamedInTheLog() throws IOException {
        // an earlier SDK named the remote spool by the URL alone: which key wrote it, nobody can tell
        Path old = home.resolve("spool-remote").resolve(ServerUrl.parse(server.url()).spoolName());
        Files.createDirectories(old);
        var registration = new org.bighummingbird.core.VersionRegistration("model", "k", "f", "{}", "code", "source",
                "{}");
        var run = new org.bighummingbird.core.RunRecord("0190a0a0-0000-7000-8000-000000000001", "model", "k", null,
                null, 1, 1, "main", "{\"x\":7}", "8", "\"Integer\"", null, null, null);
        Path file = old.resolve("spool-1-7.1-0.jsonl");
        Files.writeString(file, Json.WRITER.writeValueAsString(java.util.Map.of("p", PROJECT, "v", registration)) + "\n"
                + Json.WRITER.writeValueAsString(java.util.Map.of("p", PROJECT, "r", run)) + "\n");
        String log = stderrOf(() -> traceWith(KEY_A, 0, 3));
        assertThat(inputs()).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(file).exists();
        assertThat(log).contains(old.toString());
    }

    @Test
    void runsAProxyRefusesAsTooLargeAreSplitAndEveryOneArrives() {
        server.maxBodyBytes(64 * 1024);
        try (var bhb = remote().build()) {
            var model = bhb.trace("model", (String q) -> q.length());
            for (int i = 0; i < 3_000; i++) {
                model.apply(i + "q".repeat(200));
            }
            bhb.close();
            assertThat(bhb.droppedRuns()).isZero();
        }
        assertThat(server.runs(PROJECT).stream().map(r -> r.get("id").asText()).distinct()).hasSize(3_000);
    }

    @Test
    void closeKeepsDeliveringWhileTheCloseTimeoutLasts() throws Exception {
        server.stop();
        Thread comesBack;
        try (var bhb = remote().build()) {
            var model = bhb.trace("model", (Integer x) -> x + 1);
            for (int i = 0; i < 200; i++) {
                model.apply(i);
            }
            assertThat(bhb.flush(Duration.ofSeconds(10))).isTrue();
            comesBack = new Thread(() -> {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
                server.restart();
            });
            comesBack.start();
        }
        comesBack.join();
        assertThat(inputs()).isEqualTo(IntStream.range(0, 200).boxed().toList());
    }

    @Test
    void tagSaysWhyWhenTheServerIsUnreachable() {
        server.stop();
        try (var bhb = remote().tagTimeout(Duration.ofMillis(500)).closeTimeout(Duration.ofMillis(100)).build()) {
            var model = bhb.trace("model", (Integer x) -> x + 1);
            assertThat(model.apply(1)).isEqualTo(2);
            assertThatThrownBy(((Traced) model)::tag).isInstanceOf(TagUnavailable.class)
                    .hasMessageContaining("model \"model\" has no tag yet")
                    .hasMessageContaining("the server at " + server.url() + " is unreachable");
        }
    }

    @Test
    void aRegistrationTheServerRejectsMakesTagSayWhyAndItsRunsAreDropped() {
        server.answer(r -> r.route().equals("versions"), Integer.MAX_VALUE,
                Answer.problem(400, "invalid-request", "codeKind must be source or bytecode"));
        try (var bhb = remote().build()) {
            var model = bhb.trace("model", (Integer x) -> x + 1);
            for (int i = 0; i < 5; i++) {
                assertThat(model.apply(i)).isEqualTo(i + 1);
            }
            assertThatThrownBy(((Traced) model)::tag).isInstanceOf(TagUnavailable.class)
                    .hasMessageContaining("model \"model\" has no tag")
                    .hasMessageContaining("400 invalid-request: codeKind must be source or bytecode");
            assertThat(bhb.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(bhb.droppedRuns()).isEqualTo(5);
        }
        assertThat(server.requests("runs")).isEmpty();
    }

    @Test
    void aMalformedRegistrationAnswerLeavesTheRunsSpooledAndTagSaysWhy() throws IOException {
        server.answer(r -> r.route().equals("versions"), Integer.MAX_VALUE, Answer.of(200, "{\"tag\":\"model:v0\"}"));
        try (var bhb = remote().tagTimeout(Duration.ofMillis(500)).closeTimeout(Duration.ofMillis(200)).build()) {
            var model = bhb.trace("model", (Integer x) -> x + 1);
            assertThat(model.apply(1)).isEqualTo(2);
            assertThatThrownBy(((Traced) model)::tag).isInstanceOf(TagUnavailable.class)
                    .hasMessageContaining("an invalid tag").hasMessageContaining("model:v0");
            bhb.close();
            assertThat(bhb.droppedRuns()).isZero();
        }
        assertThat(files(remoteSpool())).isNotEmpty();
    }

    @Test
    void theConstructorUsesBhbUrlAndTheKeyGivenOrBhbApiKey() {
        server.requireKey("bhb_0123456789ab_secret");
        System.setProperty("bhb.url", server.url());
        System.setProperty("bhb.home", home.toString());
        try {
            try (var bhb = new BigHummingbird(PROJECT, "bhb_0123456789ab_secret")) {
                var model = bhb.trace("model", (Integer x) -> x + 1);
                model.apply(1);
                assertThat(((Traced) model).tag()).isEqualTo("model:v1");
            }
            System.setProperty("bhb.apiKey", "bhb_0123456789ab_secret");
            try (var bhb = new BigHummingbird(PROJECT, null)) {
                var model = bhb.trace("model", (Integer x) -> x + 1);
                model.apply(2);
            }
        } finally {
            System.clearProperty("bhb.url");
            System.clearProperty("bhb.home");
            System.clearProperty("bhb.apiKey");
        }
        assertThat(inputs()).containsExactly(1, 2);
        assertThat(server.requests()).allMatch(r -> "Bearer bhb_0123456789ab_secret".equals(r.header("Authorization")));
    }

    @Test
    void theBuilderValidatesServerSettingsAtOnce() {
        var builder = BigHummingbird.builder(PROJECT);
        for (String bad : new String[] {"ftp://example.com", "localhost:8080", "/api/v1", "http://exa mple.com"}) {
            assertThatThrownBy(() -> builder.url(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("url").hasMessageContaining(bad);
        }
        assertThatThrownBy(() -> builder.maxRetryBackoff(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetryBackoff");
        assertThatThrownBy(() -> builder.connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> builder.requestTimeout(Duration.ofMillis(-5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> builder.apiKey("two words")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiKey").hasMessageNotContaining("two words");
        var both = BigHummingbird.builder(PROJECT).home(home).url(server.url()).sink(new RecordingSink());
        assertThatThrownBy(both::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("url")
                .hasMessageContaining("sink");
    }

    /** A sink that is never called: the builder refuses it beside a url. */
    private static final class RecordingSink implements org.bighummingbird.sdk.spi.RunSink {
        @Override
        public org.bighummingbird.core.Tag register(String project, org.bighummingbird.core.VersionRegistration r) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void write(String project, List<org.bighummingbird.core.RunRecord> runs) {
            throw new UnsupportedOperationException();
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    /** What SLF4J (slf4j-simple, to System.err) logged while {@code body} ran. */
    private static String stderrOf(Runnable body) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        original.print(log);
        return log;
    }
}
