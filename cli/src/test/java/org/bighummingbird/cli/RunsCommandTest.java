package org.bighummingbird.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bighummingbird.cli.TracedHome.PROJECT;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunsCommandTest {
    private final Path home = TracedHome.shared();

    @Test
    void defaultLimitIsTwenty() {
        assertThat(runs()).hasSize(RunsCommand.DEFAULT_LIMIT);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 21, TracedHome.RUNS - 1, TracedHome.RUNS})
    void limitReturnsExactlyNWhenThatManyExist(int n) {
        assertThat(runs("--limit", Integer.toString(n))).hasSize(n);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000", "2147483647", "3000000000", "9223372036854775807"})
    void limitAboveTheTotalReturnsEveryRun(String n) {
        assertThat(runs("--limit", n)).hasSize(TracedHome.RUNS);
    }

    @Test
    void runsAreNewestFirst() {
        JsonNode runs = runs("--limit", "1000");

        assertThat(runs.get(0).get("modelTag").asText()).isEqualTo("model:v2");
        List<Instant> started = new ArrayList<>();
        runs.forEach(run -> started.add(Instant.parse(run.get("startedAt").asText())));
        assertThat(started).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void inputsAreKeyedByParameterNameBesideOutputShapeAndTiming() {
        JsonNode newest = runs("--limit", "1").get(0);

        assertThat(newest.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(newest.get("inputs").get("a").asInt()).isEqualTo(6);
        assertThat(newest.get("inputs").get("b").asInt()).isEqualTo(7);
        assertThat(newest.get("output").asInt()).isEqualTo(42);
        assertThat(newest.get("outputShape").asText()).isEqualTo("Integer");
        assertThat(newest.get("latencyNs").isNumber()).isTrue();
        assertThat(newest.get("latencyNs").asLong()).isPositive();
        assertThat(newest.get("thread").asText()).isNotBlank();
        assertThat(newest.get("error").isNull()).isTrue();
        assertThat(newest.get("parentId").isNull()).isTrue();
        assertThat(newest.get("rootId").isNull()).isTrue();
    }

    @Test
    void runThatThrewCarriesErrorTypeMessageAndStackAndNoOutput() {
        JsonNode failing = runs("--model", "failing:v1");

        assertThat(failing).hasSize(2);
        JsonNode threw = failing.get(0);
        assertThat(threw.get("inputs").get("question").asText()).isEmpty();
        assertThat(threw.get("output").isNull()).isTrue();
        assertThat(threw.get("outputShape").isNull()).isTrue();
        assertThat(threw.at("/error/type").asText()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(threw.at("/error/message").asText()).isEqualTo("empty question: \"\" given");
        assertThat(threw.at("/error/stack").asText()).contains("IllegalArgumentException", "\tat ");
        JsonNode answered = failing.get(1);
        assertThat(answered.get("error").isNull()).isTrue();
        assertThat(answered.at("/output/answer").asText()).isEqualTo("WHY");
        assertThat(answered.at("/output/length").asInt()).isEqualTo(3);
    }

    @Test
    void nestedCallNamesItsParentAndRoot() {
        JsonNode pipeline = runs("--model", "pipeline:v1").get(0);
        JsonNode inner = null;
        for (JsonNode run : runs("--model", "model:v1", "--limit", "100")) {
            if (run.get("parentId").isTextual()) {
                inner = run;
            }
        }

        assertThat(inner).isNotNull();
        assertThat(inner.get("parentId").asText()).isEqualTo(pipeline.get("id").asText());
        assertThat(inner.get("rootId").asText()).isEqualTo(pipeline.get("id").asText());
        assertThat(inner.get("inputs").get("a").asInt()).isEqualTo(21);
    }

    @Test
    void modelFilterKeepsOnlyThatVersion() {
        JsonNode runs = runs("--model", "model:v1", "--limit", "100");

        assertThat(runs).hasSize(TracedHome.ADD_RUNS + 1);
        runs.forEach(run -> assertThat(run.get("modelTag").asText()).isEqualTo("model:v1"));
    }

    @Test
    void modelFilterWithLimitReturnsExactlyN() {
        assertThat(runs("--model", "model:v1", "--limit", "3")).hasSize(3);
    }

    @Test
    void latestModelFilterMeansTheHighestVersion() {
        JsonNode runs = runs("--model", "model:latest");

        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("modelTag").asText()).isEqualTo("model:v2");
    }

    @Test
    void versionWithoutRunsGivesAnEmptyArray() {
        assertThat(runs("--model", "idle:v1")).isEmpty();
    }

    @Test
    void unknownVersionFilterExitsOne() {
        Cli.Result result = Cli.run(home, "runs", "--project", PROJECT, "--model", "model:v9").failedWith(1);

        assertThat(result.err()).isEqualTo("bhb: no version model:v9 in project \"" + PROJECT + "\"\n");
    }

    @Test
    void jsonStaysOneDocumentWhenValuesHoldNewlinesQuotesUnicodeAndControls() {
        Cli.Result result = Cli.run(home, "runs", "--project", PROJECT, "--model", "echo:v1", "--json");

        JsonNode echo = result.json().get(0);
        assertThat(echo.get("inputs").get("text").asText()).isEqualTo(TracedHome.TRICKY);
        assertThat(echo.get("output").asText()).isEqualTo(TracedHome.TRICKY + "!");
        assertThat(result.out()).doesNotContain("\u0007", "\u001b");
    }

    @Test
    void tableEscapesControlAndBidiCharactersAndKeepsOneLinePerRun() {
        Cli.Result result = Cli.run(home, "runs", "--project", PROJECT, "--model", "echo:v1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).hasSize(2);
        assertThat(result.out()).doesNotContain("\u0007", "\u001b", "\u202e").contains("echo:v1", "ünïcødé");
    }

    @Test
    void tableMarksRunsThatThrew() {
        Cli.Result result = Cli.run(home, "runs", "--project", PROJECT, "--model", "failing:v1");

        assertThat(result.out().lines()).hasSize(3);
        assertThat(result.out().lines().toList().get(1)).contains("✖ IllegalArgumentException: empty question");
    }

    private JsonNode runs(String... options) {
        List<String> args = new ArrayList<>(List.of("runs", "--project", PROJECT, "--json"));
        args.addAll(List.of(options));
        return Cli.run(home, args.toArray(String[]::new)).json();
    }
}
