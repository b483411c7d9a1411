package org.bighummingbird.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bighummingbird.cli.TracedHome.PROJECT;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.store.ModelVersionInfo;
import org.bighummingbird.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsCommandTest {
    private final Path home = TracedHome.shared();

    @Test
    void jsonListsEveryVersionAsOneArrayByNameThenVersion() {
        JsonNode models = Cli.run(home, "models", "--project", PROJECT, "--json").json();

        assertThat(models.isArray()).isTrue();
        assertThat(tags(models)).containsExactly("echo:v1", "failing:v1", "idle:v1", "model:v1", "model:v2",
                "pipeline:v1");
    }

    @Test
    void jsonVersionCarriesNameNumberAndParsedSignatureAndShowItsRuns() {
        JsonNode v1 = byTag(Cli.run(home, "models", "--project", PROJECT, "--json").json(), "model:v1");

        assertThat(v1.get("name").asText()).isEqualTo("model");
        assertThat(v1.get("version").isInt()).isTrue();
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(Cli.run(home, "models", "show", "model:v1", "--project", PROJECT, "--json").json().get("runs")
                .asLong()).isEqualTo(TracedHome.ADD_RUNS + 1);
        assertThat(v1.get("signature").isObject()).as("signature is an object, not a string").isTrue();
        assertThat(v1.at("/signature/parameters/0/name").asText()).isEqualTo("a");
        assertThat(v1.at("/signature/parameters/1/type").asText()).isEqualTo("java.lang.Integer");
        assertThat(v1.at("/signature/returns").asText()).isEqualTo("java.lang.Integer");
        assertThat(Instant.parse(v1.get("createdAt").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(v1.get("createdAt").asText()).endsWith("Z");
    }

    @Test
    void fingerprintIsTheStoresVersionKeyAndCodeFingerprintItsCodePart() {
        JsonNode models = Cli.run(home, "models", "--project", PROJECT, "--json").json();
        Map<String, ModelVersionInfo> stored;
        try (Store store = Store.openLocal(home)) {
            stored = store.models().list(store.projects().find(Store.DEFAULT_WORKSPACE, PROJECT).orElseThrow()).stream()
                    .collect(Collectors.toMap(v -> v.tag().toString(), v -> v));
        }

        for (JsonNode model : models) {
            ModelVersionInfo info = stored.get(model.get("tag").asText());
            assertThat(model.get("fingerprint").asText()).isEqualTo(info.versionKey());
            assertThat(model.get("codeFingerprint").asText()).isEqualTo(info.codeFingerprint());
        }
    }

    @Test
    void versionTracedButNeverCalledHasZeroRunsOnShowAndTheListingCountsNone() {
        JsonNode idle = byTag(Cli.run(home, "models", "--project", PROJECT, "--json").json(), "idle:v1");
        JsonNode shown = Cli.run(home, "models", "show", "idle:v1", "--project", PROJECT, "--json").json();

        assertThat(idle.has("runs")).isFalse();
        assertThat(shown.get("runs").asLong()).isZero();
    }

    @Test
    void limitReturnsUpToThatManyVersionsInOrder() {
        List<String> all = tags(Cli.run(home, "models", "--project", PROJECT, "--json").json());

        assertThat(tags(Cli.run(home, "models", "--project", PROJECT, "--limit", "2", "--json").json()))
                .containsExactlyElementsOf(all.subList(0, 2));
        assertThat(tags(Cli.run(home, "models", "--project", PROJECT, "--limit", "1000000", "--json").json()))
                .containsExactlyElementsOf(all);
        assertThat(Cli.run(home, "models", "--project", PROJECT, "--limit", "2").out().lines()).hasSize(3);
        Cli.Result zero = Cli.run(home, "models", "--project", PROJECT, "--limit", "0");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("--limit must be 1 or more, got 0");
    }

    @Test
    void tableShowsTagCreatedAndShortFingerprint() {
        Cli.Result result = Cli.run(home, "models", "--project", PROJECT);
        String key = byTag(Cli.run(home, "models", "--project", PROJECT, "--json").json(), "model:v1")
                .get("fingerprint").asText();

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).startsWith("TAG").contains("CREATED", "FINGERPRINT").doesNotContain("RUNS");
        assertThat(lines).hasSize(7);
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("model:v1").contains(key.substring(0, 12)).doesNotContain(key));
    }

    @Test
    void projectWithoutModelsPrintsAnEmptyArray(@TempDir Path empty) {
        BigHummingbird.local("Empty", empty).close();

        assertThat(Cli.run(empty, "models", "--project", "Empty", "--json").json()).isEmpty();
        Cli.Result table = Cli.run(empty, "models", "--project", "Empty");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).isEmpty();
        assertThat(table.err()).contains("no models in project \"Empty\"");
    }

    static List<String> tags(JsonNode array) {
        List<String> tags = new ArrayList<>();
        array.forEach(node -> tags.add(node.get("tag").asText()));
        return tags;
    }

    static JsonNode byTag(JsonNode array, String tag) {
        for (JsonNode node : array) {
            if (node.get("tag").asText().equals(tag)) {
                return node;
            }
        }
        throw new AssertionError("no " + tag + " in " + array);
    }
}
