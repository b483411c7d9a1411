package org.bighummingbird.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.Dataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsCommandTest {
    static final String PROJECT = "Data Project";
    static final String TRICKY = "line one\nline \"two\" ✓ 😀 \u001b[31m red \u202e";

    @TempDir
    static Path home;

    /** qa:v1 (3 rows), qa:v2 (2,500 rows), empty project "Nothing" beside it. */
    @BeforeAll
    static void fill() {
        try (BigHummingbird bhb = BigHummingbird.local(PROJECT, home)) {
            bhb.uploadDataset(Dataset.of("qa", "Customer questions", List.of(
                    Dataset.Row.of(Map.of("q", "2+2"), 4),
                    TRICKY,
                    Dataset.Row.of(1.5, null))));
            List<Object> many = new ArrayList<>();
            for (int i = 0; i < 2_500; i++) {
                many.add(Dataset.Row.of("q" + i, "a" + i));
            }
            bhb.uploadDataset(Dataset.of("qa", "More questions", many));
            bhb.uploadDataset(Dataset.of("another", "", List.of(true)));
        }
        BigHummingbird.local("Nothing", home).close();
    }

    @Test
    void jsonListsEveryVersionByNameThenVersion() {
        JsonNode all = Cli.run(home, "datasets", "--project", PROJECT, "--json").json();

        assertThat(all).extracting(v -> v.get("tag").asText()).containsExactly("another:v1", "qa:v1", "qa:v2");
        JsonNode v1 = all.get(1);
        assertThat(v1.get("name").asText()).isEqualTo("qa");
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("rowCount").asInt()).isEqualTo(3);
        assertThat(v1.get("description").asText()).isEqualTo("Customer questions");
        assertThat(v1.get("contentKey").asText()).matches("[0-9a-f]{64}");
        assertThat(v1.get("createdAt").asText()).endsWith("Z");
    }

    @Test
    void tableShowsTagRowsCreatedAndDescription() {
        Cli.Result result = Cli.run(home, "datasets", "--project", PROJECT);

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).matches("TAG +ROWS +CREATED +DESCRIPTION");
        assertThat(lines.get(2)).matches("qa:v1 +3 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ +Customer questions");
        assertThat(lines.get(3)).contains("qa:v2", "2500", "More questions");
    }

    @Test
    void anEmptyProjectSaysSoOnStderr() {
        Cli.Result result = Cli.run(home, "datasets", "--project", "Nothing");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("no datasets in project \"Nothing\" yet\n");
        assertThat(Cli.run(home, "datasets", "--project", "Nothing", "--json").json()).isEmpty();
    }

    @Test
    void showJsonHasTheHeaderAndRowsWithExpectedOnlyWhereThereIsOne() {
        JsonNode v1 = Cli.run(home, "datasets", "show", "qa:v1", "--project", PROJECT, "--json").json();

        assertThat(v1.get("tag").asText()).isEqualTo("qa:v1");
        assertThat(v1.get("rowCount").asInt()).isEqualTo(3);
        JsonNode rows = v1.get("rows");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("index").asInt()).isZero();
        assertThat(rows.get(0).get("input").get("q").asText()).isEqualTo("2+2");
        assertThat(rows.get(0).get("expected").asInt()).isEqualTo(4);
        assertThat(rows.get(1).get("input").asText()).isEqualTo(TRICKY);
        assertThat(rows.get(1).has("expected")).isFalse();
        assertThat(rows.get(2).get("input").asDouble()).isEqualTo(1.5);
        assertThat(rows.get(2).get("expected").isNull()).isTrue();
    }

    @Test
    void showPagesToAnyLimitAndDefaultsToTwenty() {
        JsonNode latest = Cli.run(home, "datasets", "show", "qa:latest", "--project", PROJECT, "--json").json();
        assertThat(latest.get("tag").asText()).isEqualTo("qa:v2");
        assertThat(latest.get("rows")).hasSize(20);

        JsonNode many = Cli.run(home, "datasets", "show", "qa:v2", "--project", PROJECT, "--json",
                "--limit", "2400").json();
        assertThat(many.get("rows")).hasSize(2_400);
        for (int i = 0; i < 2_400; i++) {
            assertThat(many.get("rows").get(i).get("index").asInt()).isEqualTo(i);
        }
        assertThat(many.get("rows").get(2_399).get("expected").asText()).isEqualTo("a2399");
        assertThat(Cli.run(home, "datasets", "show", "qa:v2", "--project", PROJECT, "--json", "--limit", "99999")
                .json().get("rows")).hasSize(2_500);
    }

    @Test
    void showTextHasHeaderAndRowTableWithEscapedValues() {
        Cli.Result result = Cli.run(home, "datasets", "show", "qa:v1", "--project", PROJECT);

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith("qa:v1\n").contains("Customer questions", "content key");
        assertThat(result.out()).containsPattern("INDEX +INPUT +EXPECTED\n0 +\\{\"q\":\"2\\+2\"\\} +4\n");
        assertThat(result.out()).doesNotContain("\u001b", "\u202e").contains("\\u001b[31m", "\\u202E");
        Cli.Result cut = Cli.run(home, "datasets", "show", "qa:v2", "--project", PROJECT, "--limit", "5");
        assertThat(cut.err()).isEqualTo("showing 5 of 2500 rows; pass --limit N for more\n");
    }

    @Test
    void projectMayComeBeforeTheShowSubcommand() {
        JsonNode before = Cli.run("datasets", "--project", PROJECT, "--home", home.toString(),
                "show", "qa:v1", "--json").json();
        assertThat(before.get("tag").asText()).isEqualTo("qa:v1");
    }

    @Test
    void unknownTagsExitOneAndMalformedTagsTwo() {
        Cli.Result unknown = Cli.run(home, "datasets", "show", "qa:v9", "--project", PROJECT).failedWith(1);
        assertThat(unknown.err()).isEqualTo("bhb: no dataset version qa:v9 in project \"" + PROJECT + "\"\n");
        Cli.run(home, "datasets", "show", "nosuch:latest", "--project", PROJECT, "--json").failedWith(1);

        Cli.Result malformed = Cli.run(home, "datasets", "show", "qa:v01", "--project", PROJECT).failedWith(2);
        assertThat(malformed.err()).contains("qa:v01");
        Cli.run(home, "datasets", "show", "qa", "--project", PROJECT).failedWith(2);
        Cli.run(home, "datasets", "show", "qa:v1", "--project", PROJECT, "--limit", "0").failedWith(2);
        Cli.run(home, "datasets", "--json").failedWith(2);
        Cli.Result noProject = Cli.run(home, "datasets", "--project", "Missing").failedWith(1);
        assertThat(noProject.err()).contains("no project \"Missing\"");
    }
}
