package org.bighummingbird.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.Dataset;
import org.bighummingbird.Fn2;
import org.bighummingbird.Judge;
import org.bighummingbird.cli.Bhb;
import org.bighummingbird.server.BhbServer;
import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bhb models}, {@code runs}, {@code datasets} and {@code judges} with {@code BHB_URL} set read
 * through the server's API and print exactly what they print reading the server's store file directly.
 */
class RemoteCliTest {
    private static final String PROJECT = "Remote CLI ünïcode 日本";
    private static final int RUNS = 2_345;
    private static final int DATASET_ROWS = 1_234;

    @TempDir
    static Path dir;

    private static BhbServer server;
    private static String key;

    @BeforeAll
    static void traceThroughTheServer() {
        Path serverHome = dir.resolve("server");
        try (Store store = Store.openLocal(serverHome)) {
            key = store.apiKeys().create(Store.DEFAULT_WORKSPACE, "cli").token();
        }
        server = BhbServer.start(ServerConfig.builder().port(0).home(serverHome).build());
        try (BigHummingbird bhb = BigHummingbird.builder(PROJECT).url(server.url()).apiKey(key)
                .home(dir.resolve("client")).build()) {
            Fn2<Integer, Integer, Integer> add = bhb.trace("add", (Integer a, Integer b) -> a + b);
            Fn2<Integer, Integer, Integer> div = bhb.trace("div", (Integer a, Integer b) -> a / b);
            for (int i = 0; i < RUNS; i++) {
                add.apply(i, 1);
            }
            for (int i = 0; i < 3; i++) {
                try {
                    div.apply(i, 0);
                } catch (ArithmeticException expected) {
                    // recorded as an error run
                }
            }
            List<Object> rows = new ArrayList<>();
            for (int i = 0; i < DATASET_ROWS; i++) {
                Object input = Map.of("question", "Wie geht's? 東京 #" + i, "n", i, "ratio", i / 8.0,
                        "tags", List.of("a", Map.of("deep", List.of(1e21, -0.0, "\u0007 bell"))));
                rows.add(Dataset.Row.of(input, i % 3 == 0 ? null : "ok " + i));
            }
            rows.add(Dataset.Row.of("no expected value"));
            bhb.uploadDataset(Dataset.of("questions ü", "Customer questions, ünïcode", rows));
            bhb.uploadDataset(Dataset.of("questions ü", "fewer", rows.subList(0, 3)));
            bhb.addJudge(Judge.exactMatch("exact"));
            bhb.addJudge(Judge.regex("polite", "(?i)please|thank"));
            bhb.addJudge(Judge.of("length", "shorter is better", (String out) -> 10.0 - out.length(), s -> s > 5));
        }
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void clearSettingsAfterEach() {
        clearSettings();
    }

    private static void clearSettings() {
        System.clearProperty("bhb.url");
        System.clearProperty("bhb.apiKey");
    }

    @Test
    void remoteAnswersEqualTheStoreFilesAnswers() {
        List<List<String>> commands = List.of(
                List.of("models", "--json"),
                List.of("models"),
                List.of("models", "show", "add:latest", "--json"),
                List.of("models", "show", "div:v1"),
                List.of("runs", "--json", "--limit", "3000"),
                List.of("runs", "--model", "div:latest", "--json"),
                List.of("runs", "--limit", "5"),
                List.of("datasets", "--json"),
                List.of("datasets"),
                List.of("datasets", "show", "questions ü:v1", "--json", "--limit", "1300"),
                List.of("datasets", "show", "questions ü:latest"),
                List.of("datasets", "show", "questions ü:v1", "--limit", "1100"),
                List.of("judges", "--json"),
                List.of("judges"),
                List.of("judges", "show", "length:v1", "--json"),
                List.of("judges", "show", "length:latest"),
                List.of("judges", "show", "polite:v1"));
        for (List<String> command : commands) {
            Result local = local(command);
            Result remote = remote(command);
            assertThat(local.exit).as("exit of local %s: %s", command, local.err).isZero();
            assertThat(remote.exit).as("exit of %s: %s", command, remote.err).isZero();
            assertThat(remote.out).as("output of %s", command).isEqualTo(local.out).isNotBlank();
        }
        assertThat(remote(List.of("runs", "--json", "--limit", "3000")).out)
                .contains("\"modelTag\" : \"div:v1\"").contains("ArithmeticException");
        assertThat(remote(List.of("datasets", "show", "questions ü:v1", "--json", "--limit", "1300")).out
                .split("\"index\" :", -1)).hasSize(DATASET_ROWS + 1 + 1);
    }

    @Test
    void limitPagesThroughTheApiForAnyNumber() {
        Result result = remote(List.of("runs", "--json", "--limit", "2100"));
        assertThat(result.out.split("\"id\" :", -1)).hasSize(2100 + 1);
    }

    @Test
    void failuresSayWhatIsWrong() {
        assertThat(remote(List.of("models", "show", "add:v9")))
                .satisfies(r -> assertThat(r.exit).isEqualTo(1))
                .satisfies(r -> assertThat(r.err).contains("no version add:v9").contains(server.url()));
        Result unknownModel = remote(List.of("runs", "--model", "zzz:v1"));
        assertThat(unknownModel.exit).isEqualTo(1);
        assertThat(unknownModel.err).contains("no version zzz:v1").doesNotContain("no project");

        Result unknownProject = withServer(List.of("models", "--project", "Nope"), server.url(), key);
        assertThat(unknownProject.exit).isEqualTo(1);
        assertThat(unknownProject.err).contains("no project \"Nope\" on the server at " + server.url());

        Result notAUrl = withServer(List.of("models", "--project", PROJECT), "localhost:8080", key);
        assertThat(notAUrl.exit).isEqualTo(1);
        assertThat(notAUrl.err).contains("BHB_URL").contains("localhost:8080");

        Result badKey = withServer(List.of("runs", "--project", PROJECT), server.url(), "bhb_000000000000_" + "A".repeat(43));
        assertThat(badKey.exit).isEqualTo(1);
        assertThat(badKey.err).contains("refused the API key").doesNotContain("AAAAAAAA");

        Result noServer = withServer(List.of("models", "--project", PROJECT), "http://127.0.0.1:9", key);
        assertThat(noServer.exit).isEqualTo(1);
        assertThat(noServer.err).contains("cannot reach the server at http://127.0.0.1:9");

        assertThat(remote(List.of("datasets", "show", "questions ü:v9")))
                .satisfies(r -> assertThat(r.exit).isEqualTo(1))
                .satisfies(r -> assertThat(r.err).contains("no dataset version questions ü:v9").contains(server.url()));
        assertThat(remote(List.of("judges", "show", "nope:latest")))
                .satisfies(r -> assertThat(r.exit).isEqualTo(1))
                .satisfies(r -> assertThat(r.err).contains("no judge version nope:latest").contains(server.url()));
        Result judgesElsewhere = withServer(List.of("judges", "--project", "Nope"), server.url(), key);
        assertThat(judgesElsewhere.exit).isEqualTo(1);
        assertThat(judgesElsewhere.err).contains("no project \"Nope\" on the server at " + server.url());
    }

    private static Result remote(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--project", PROJECT));
        return withServer(args, server.url(), key);
    }

    private static Result local(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--home", dir.resolve("server").toString()));
        return bhb(args);
    }

    private static Result withServer(List<String> command, String url, String apiKey) {
        System.setProperty("bhb.url", url);
        System.setProperty("bhb.apiKey", apiKey);
        try {
            return bhb(command);
        } finally {
            clearSettings();
        }
    }

    private static Result bhb(List<String> command) {
        List<String> args = new ArrayList<>(command);
        if (!args.contains("--project")) {
            args.addAll(List.of("--project", PROJECT));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Bhb.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    private record Result(int exit, String out, String err) {}
}
