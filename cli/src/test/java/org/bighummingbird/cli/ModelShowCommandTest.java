package org.bighummingbird.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bighummingbird.cli.TracedHome.PROJECT;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ModelShowCommandTest {
    private final Path home = TracedHome.shared();

    @Test
    void latestResolvesToTheHighestVersion() {
        JsonNode latest = Cli.run(home, "models", "show", "model:latest", "--project", PROJECT, "--json").json();

        assertThat(latest.get("tag").asText()).isEqualTo("model:v2");
        assertThat(latest.get("version").asInt()).isEqualTo(2);
    }

    @Test
    void jsonCarriesListingFieldsCodeMetadataAndOutputShapes() {
        JsonNode v2 = Cli.run(home, "models", "show", "model:v2", "--project", PROJECT, "--json").json();

        assertThat(v2.get("tag").asText()).isEqualTo("model:v2");
        assertThat(v2.get("name").asText()).isEqualTo("model");
        assertThat(v2.get("runs").asLong()).isEqualTo(1);
        assertThat(v2.get("fingerprint").asText()).matches("[0-9a-f]{64}");
        assertThat(v2.at("/signature/returns").asText()).isEqualTo("java.lang.Integer");
        assertThat(v2.get("codeKind").asText()).isEqualTo("source");
        assertThat(v2.get("code").asText()).contains("a * b");
        assertThat(v2.get("metadata").isObject()).isTrue();
        assertThat(v2.at("/metadata/jvm/version").asText()).isEqualTo(System.getProperty("java.version"));
        assertThat(v2.get("outputShapes")).hasSize(1);
        assertThat(v2.at("/outputShapes/0/shape").asText()).isEqualTo("Integer");
        assertThat(v2.at("/outputShapes/0/runs").asLong()).isEqualTo(1);
    }

    @Test
    void outputShapesAreParsedJsonAndLeaveOutRunsThatThrew() {
        JsonNode failing = Cli.run(home, "models", "show", "failing:v1", "--project", PROJECT, "--json").json();

        assertThat(failing.get("runs").asLong()).isEqualTo(2);
        assertThat(failing.get("outputShapes")).hasSize(1);
        JsonNode shape = failing.at("/outputShapes/0/shape");
        assertThat(shape.isObject()).isTrue();
        assertThat(shape.get("answer").asText()).isEqualTo("String");
        assertThat(shape.get("length").asText()).isEqualTo("Integer");
        assertThat(failing.at("/outputShapes/0/runs").asLong()).isEqualTo(1);
    }

    @Test
    void textShowsSignatureShapesMetadataAndCode() {
        Cli.Result result = Cli.run(home, "models", "show", "failing:v1", "--project", PROJECT);

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out())
                .startsWith("failing:v1\n")
                .contains("(java.lang.String question) -> java.util.Map<java.lang.String, java.lang.Object>")
                .contains("Output shapes", "1 run", "\"answer\":\"String\"")
                .contains("Metadata", "jvm.version", System.getProperty("java.version"))
                .contains("Code (source)", "throw new IllegalArgumentException");
        assertThat(result.out()).containsPattern("runs +2\n");
    }

    @Test
    void projectMayComeBeforeOrAfterTheShowSubcommand() {
        JsonNode after = Cli.run(home, "models", "show", "echo:v1", "--project", PROJECT, "--json").json();
        JsonNode before = Cli.run("models", "--project", PROJECT, "--home", home.toString(),
                "show", "echo:v1", "--json").json();

        assertThat(before).isEqualTo(after);
    }

    @Test
    void unknownVersionExitsOneNamingTagAndProject() {
        Cli.Result result = Cli.run(home, "models", "show", "model:v9", "--project", PROJECT).failedWith(1);

        assertThat(result.err()).isEqualTo("bhb: no version model:v9 in project \"" + PROJECT + "\"\n");
    }

    @Test
    void latestOfUnknownModelExitsOne() {
        Cli.Result result = Cli.run(home, "models", "show", "nosuch:latest", "--project", PROJECT).failedWith(1);

        assertThat(result.err()).contains("no version nosuch:latest in project");
    }
}
