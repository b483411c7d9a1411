package org.bighummingbird.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.Dataset;
import org.bighummingbird.EvaluationOptions;
import org.bighummingbird.Judge;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bhb evals}, {@code evals show} and {@code evals compare} over evaluations run by the real SDK. */
class EvalsCommandTest {
    private static final String PROJECT = "Evaluated Project";

    @TempDir
    static Path home;
    static String first;
    static String second;
    static String otherDataset;

    @BeforeAll
    static void fill() {
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try (var bhb = BigHummingbird.local(PROJECT, home)) {
            String words = bhb.uploadDataset(Dataset.of("words", "", List.of("a", "abcd", "abcdef", "ab")));
            String other = bhb.uploadDataset(Dataset.of("other", "", List.of("abcdefgh")));
            String judge = bhb.addJudge(Judge.of("length", "", (String out) -> out.length(), s -> s > 3));
            var echo = bhb.trace("echo", (String s) -> s);
            var padded = bhb.trace("padded", (String s) -> s.length() > 5 ? "" : s + "xxx");
            var quiet = EvaluationOptions.builder().printRows(false).build();
            first = bhb.evaluate(echo, judge, words, quiet).id();
            second = bhb.evaluate(padded, judge, words, quiet).id();
            otherDataset = bhb.evaluate(echo, judge, other, quiet).id();
        } finally {
            System.setOut(stdout);
        }
    }

    @Test
    void jsonListsEvaluationsNewestFirstWithTheirSummaries() {
        JsonNode evals = Cli.run(home, "evals", "--project", PROJECT, "--json").json();

        assertThat(evals).extracting(e -> e.get("id").asText()).containsExactly(otherDataset, second, first);
        JsonNode e = evals.get(2);
        assertThat(e.get("modelTag").asText()).isEqualTo("echo:v1");
        assertThat(e.get("datasetTag").asText()).isEqualTo("words:v1");
        assertThat(e.get("judgeTag").asText()).isEqualTo("length:v1");
        assertThat(e.get("status").asText()).isEqualTo("complete");
        assertThat(e.get("rows").asInt()).isEqualTo(4);
        assertThat(e.get("passed").asInt()).isEqualTo(2);
        assertThat(e.get("failed").asInt()).isEqualTo(2);
        assertThat(e.get("errors").asInt()).isZero();
        assertThat(e.get("meanScore").asDouble()).isEqualTo(13 / 4.0);
        assertThat(e.get("createdAt").asText()).endsWith("Z");
        assertThat(e.get("parallelism").asInt()).isEqualTo(32);
        assertThat(Cli.run(home, "evals", "--project", PROJECT, "--json", "--limit", "1").json()).hasSize(1);
    }

    @Test
    void theTableHasAHeaderAndALinePerEvaluation() {
        Cli.Result result = Cli.run(home, "evals", "--project", PROJECT);

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("ID").contains("MODEL", "DATASET", "JUDGE", "STATUS", "PASSED", "MEAN");
        assertThat(lines.get(3)).startsWith(first).contains("echo:v1", "words:v1", "length:v1", "complete", "3.25");
    }

    @Test
    void showPrintsTheSummaryAndEveryRow() {
        Cli.Result text = Cli.run(home, "evals", "show", first, "--project", PROJECT);
        JsonNode json = Cli.run(home, "evals", "show", first, "--project", PROJECT, "--json").json();

        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("evaluation " + first, "echo:v1", "words:v1", "length:v1", "complete",
                "mean 3.25, min 1, max 6", "p50 ", "INDEX", "failed", "passed", "\"abcdef\"");
        assertThat(json.get("id").asText()).isEqualTo(first);
        assertThat(json.get("rows").asInt()).isEqualTo(4);
        JsonNode results = json.get("results");
        assertThat(results).hasSize(4);
        assertThat(results.get(1).get("index").asInt()).isEqualTo(1);
        assertThat(results.get(1).get("input").asText()).isEqualTo("abcd");
        assertThat(results.get(1).get("output").asText()).isEqualTo("abcd");
        assertThat(results.get(1).get("score").asDouble()).isEqualTo(4.0);
        assertThat(results.get(1).get("passed").asBoolean()).isTrue();
        assertThat(results.get(1).get("latencyNs").asLong()).isPositive();
        assertThat(results.get(1).get("error").isNull()).isTrue();
        assertThat(results.get(1).get("runId").asText()).hasSize(36);
        assertThat(Cli.run(home, "evals", "show", first, "--project", PROJECT, "--json", "--limit", "2").json()
                .get("results")).hasSize(2);
    }

    @Test
    void compareFindsRegressionsImprovementsAndDeltas() {
        JsonNode c = Cli.run(home, "evals", "compare", first, second, "--project", PROJECT, "--json").json();
        Cli.Result text = Cli.run(home, "evals", "compare", first, second, "--project", PROJECT);

        assertThat(c.at("/a/id").asText()).isEqualTo(first);
        assertThat(c.at("/b/id").asText()).isEqualTo(second);
        assertThat(c.get("regressions")).extracting(JsonNode::asInt).containsExactly(2);
        assertThat(c.get("improvements")).extracting(JsonNode::asInt).containsExactly(0, 3);
        assertThat(c.at("/deltas/passed").asInt()).isEqualTo(1);
        assertThat(c.at("/deltas/failed").asInt()).isEqualTo(-1);
        assertThat(c.at("/deltas/meanScore").asDouble()).isEqualTo((16 / 4.0) - (13 / 4.0));
        assertThat(c.get("rows")).extracting(r -> r.get("scoreDelta").asDouble()).containsExactly(3.0, 3.0, -6.0, 3.0);
        assertThat(c.get("rows")).extracting(r -> r.get("change").asText())
                .containsExactly("improvement", "same", "regression", "improvement");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("regressions: 1 (rows 2)", "improvements: 2 (rows 0, 3)", "mean score",
                "+0.75", "-6", "regression");
    }

    @Test
    void comparingEvaluationsOfDifferentDatasetsOrUnknownIdsIsAClearError() {
        Cli.Result different = Cli.run(home, "evals", "compare", first, otherDataset, "--project", PROJECT);
        Cli.Result unknown = Cli.run(home, "evals", "show", "nope", "--project", PROJECT);

        assertThat(different.exitCode()).isEqualTo(1);
        assertThat(different.out()).isEmpty();
        assertThat(different.err()).contains("different datasets", "words:v1", "other:v1");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no evaluation nope in project \"Evaluated Project\"");
    }
}
