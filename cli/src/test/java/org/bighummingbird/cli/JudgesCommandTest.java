package org.bighummingbird.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.Judge;
import org.bighummingbird.LlmJudgeConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bhb judges} and {@code bhb judges show} over a store filled through the real SDK. */
class JudgesCommandTest {
    private static final String PROJECT = "Judged Project";

    @TempDir
    static Path home;

    @BeforeAll
    static void fill() {
        System.setProperty("CLI_TEST_JUDGE_KEY", "sk-never-shown");
        try (var bhb = BigHummingbird.local(PROJECT, home)) {
            assertThat(bhb.addJudge(Judge.of("length", "longer than 5", out -> String.valueOf(out).length(),
                    s -> s > 5))).isEqualTo("length:v1");
            assertThat(bhb.addJudge(Judge.regex("format", "^[A-Z]"))).isEqualTo("format:v1");
            assertThat(bhb.addJudge(Judge.regex("format", "^[a-z]").withDescription("line one\nline \u001b[31mtwo")))
                    .isEqualTo("format:v2");
            assertThat(bhb.addJudge(Judge.llm("quality", "1 to 10", LlmJudgeConfig
                    .builder("gpt-4o-mini", "Rate 1 to 10: {{output}}").apiKeyVariable("CLI_TEST_JUDGE_KEY")
                    .passingThreshold(7).build()))).isEqualTo("quality:v1");
        } finally {
            System.clearProperty("CLI_TEST_JUDGE_KEY");
        }
        try (var bhb = BigHummingbird.local("Empty Project", home)) {
            bhb.flush(java.time.Duration.ofSeconds(5));
        }
    }

    @Test
    void jsonListsEveryVersionByNameThenVersion() {
        JsonNode judges = Cli.run(home, "judges", "--project", PROJECT, "--json").json();

        assertThat(judges).extracting(j -> j.get("tag").asText())
                .containsExactly("format:v1", "format:v2", "length:v1", "quality:v1");
        JsonNode format = judges.get(0);
        assertThat(format.get("kind").asText()).isEqualTo("regex");
        assertThat(format.get("name").asText()).isEqualTo("format");
        assertThat(format.get("version").asInt()).isEqualTo(1);
        assertThat(format.get("key").asText()).matches("[0-9a-f]{64}");
        assertThat(format.at("/spec/pattern").asText()).isEqualTo("^[A-Z]");
        assertThat(format.get("createdAt").asText()).endsWith("Z");
        assertThat(judges.get(2).get("kind").asText()).isEqualTo("code");
        assertThat(judges.get(3).at("/spec/model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(judges.get(3).at("/spec/passingThreshold").asDouble()).isEqualTo(7.0);
    }

    @Test
    void theTableHasOneLinePerVersionWhateverTheDescriptionHolds() {
        Cli.Result result = Cli.run(home, "judges", "--project", PROJECT);

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out().lines()).hasSize(5);
        assertThat(result.out().lines().findFirst().orElseThrow()).startsWith("TAG").contains("KIND", "DESCRIPTION");
        assertThat(result.out()).contains("quality:v1", "llm", "1 to 10", "length:v1", "code")
                .doesNotContain("\u001b");
    }

    @Test
    void showPrintsACodeJudgesCode() {
        JsonNode length = Cli.run(home, "judges", "show", "length:v1", "--project", PROJECT, "--json").json();

        assertThat(length.get("kind").asText()).isEqualTo("code");
        assertThat(length.get("description").asText()).isEqualTo("longer than 5");
        assertThat(length.at("/spec/rubric").asText()).isEqualTo("output");
        assertThat(length.at("/spec/criterionFingerprint").asText()).matches("[0-9a-f]{64}");
        assertThat(length.get("code").asText()).contains("// rubric", "// criterion");
        assertThat(length.at("/metadata/jvm/version").asText()).isEqualTo(System.getProperty("java.version"));

        Cli.Result text = Cli.run(home, "judges", "show", "length:v1", "--project", PROJECT);
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).startsWith("length:v1\n").contains("kind", "code", "Description", "longer than 5",
                "Spec", "rubricFingerprint", "Code", "// rubric");
    }

    @Test
    void showOfAnLlmJudgeNamesTheKeysVariableNeverTheKey() {
        Cli.Result json = Cli.run(home, "judges", "show", "quality:latest", "--project", PROJECT, "--json");
        JsonNode quality = json.json();

        assertThat(quality.at("/spec/apiKeyVariable").asText()).isEqualTo("CLI_TEST_JUDGE_KEY");
        assertThat(quality.at("/spec/promptTemplate").asText()).isEqualTo("Rate 1 to 10: {{output}}");
        assertThat(quality.get("code").asText()).isEmpty();
        assertThat(json.out()).doesNotContain("sk-never-shown");

        Cli.Result text = Cli.run(home, "judges", "show", "quality:v1", "--project", PROJECT);
        assertThat(text.out()).contains("promptTemplate", "baseUrl", "https://api.openai.com")
                .doesNotContain("sk-never-shown").doesNotContain("\nCode");
    }

    @Test
    void latestIsTheHighestVersionAndTheProjectMayComeFirst() {
        JsonNode latest = Cli.run("judges", "--project", PROJECT, "--home", home.toString(), "show", "format:latest",
                "--json").json();

        assertThat(latest.get("tag").asText()).isEqualTo("format:v2");
        assertThat(latest.get("description").asText()).isEqualTo("line one\nline \u001b[31mtwo");
    }

    @Test
    void anUnknownVersionExitsOneNamingTagAndProject() {
        Cli.Result result = Cli.run(home, "judges", "show", "format:v9", "--project", PROJECT).failedWith(1);

        assertThat(result.err()).isEqualTo("bhb: no judge version format:v9 in project \"" + PROJECT + "\"\n");
    }

    @Test
    void aMalformedTagIsAUsageError() {
        Cli.Result result = Cli.run(home, "judges", "show", "format:v01", "--project", PROJECT);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("format:v01");
    }

    @Test
    void aProjectWithoutJudgesListsNothing() {
        Cli.Result text = Cli.run(home, "judges", "--project", "Empty Project");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).isEmpty();
        assertThat(text.err()).isEqualTo("no judges in project \"Empty Project\" yet\n");

        assertThat(Cli.run(home, "judges", "--project", "Empty Project", "--json").json()).isEmpty();
    }

    @Test
    void anUnknownProjectExitsOne() {
        Cli.run(home, "judges", "--project", "Nowhere").failedWith(1);
    }
}
