package org.bighummingbird.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.bighummingbird.cli.TracedHome.PROJECT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.bighummingbird.core.InvalidTag;
import org.bighummingbird.core.TagReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BadInputTest {
    private final Path home = TracedHome.shared();

    static Stream<String> invalidTags() {
        return Stream.of("model:v0", "model:v01", "model:vx", ":v1", "model", "model:", "model:V1", "model:v-1",
                "mo\u0007del:v1", "model:v1\n", "x'; DROP TABLE runs; --:v1", "<script>alert(1)</script>:v1",
                "a".repeat(201) + ":v1", "");
    }

    @ParameterizedTest
    @MethodSource("invalidTags")
    void invalidTagToShowIsUsageErrorWithInvalidTagMessage(String tag) {
        Cli.Result result = Cli.run(home, "models", "show", tag, "--project", PROJECT).failedWith(2);

        assertThat(result.err()).contains(invalidTagMessage(tag));
    }

    @ParameterizedTest
    @MethodSource("invalidTags")
    void invalidTagAsModelFilterIsUsageErrorWithInvalidTagMessage(String tag) {
        Cli.Result result = Cli.run(home, "runs", "--project", PROJECT, "--model", tag).failedWith(2);

        assertThat(result.err()).contains(invalidTagMessage(tag));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "abc", "1.5", "", "99999999999999999999"})
    void limitThatIsNotAPositiveNumberIsUsageError(String limit) {
        Cli.Result result = Cli.run(home, "runs", "--project", PROJECT, "--limit", limit).failedWith(2);

        assertThat(result.err()).contains("--limit");
    }

    @Test
    void limitWrittenWithEqualsSignIsCheckedToo() {
        Cli.run(home, "runs", "--project", PROJECT, "--limit=-5").failedWith(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"models", "runs", "models show model:v1"})
    void missingProjectIsUsageError(String command) {
        Cli.Result result = Cli.run(home, command.split(" ")).failedWith(2);

        assertThat(result.err()).contains("--project");
    }

    static Stream<String> namesNoProjectCanHave() {
        return Stream.of("a\u0007b", "new\nline", "esc\u001b[31m", "x'; DROP TABLE runs; --",
                "<script>alert(1)</script>", "a".repeat(201), " ", "", "a:b", "tab\there", "50%", "Robert'); --");
    }

    @ParameterizedTest
    @MethodSource("namesNoProjectCanHave")
    void projectNameNoProjectCanHaveIsUsageErrorAndChangesNothing(String name) {
        Cli.Result result = Cli.run(home, "runs", "--project", name).failedWith(2);

        assertThat(result.err()).contains("project name").doesNotContain("\u0007", "\u001b");
        assertThat(Cli.run(home, "runs", "--project", PROJECT, "--json", "--limit", "1000").json())
                .hasSize(TracedHome.RUNS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Robert DROP TABLE runs", "Concept project", "ünïcødé 项目", "OR 1 1", "x--y"})
    void validButUnknownProjectExitsOneNamingProjectAndStore(String name) {
        Cli.Result result = Cli.run(home, "models", "--project", name).failedWith(1);

        assertThat(result.err()).isEqualTo("bhb: no project \"" + name + "\" in the store at " + home + "\n");
    }

    @Test
    void longestValidProjectNameIsLookedUpNotRejected() {
        String name = "p".repeat(200);

        Cli.run(home, "runs", "--project", name).failedWith(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"frobnicate", "modles", "--frob", "models --frob"})
    void unknownCommandOrOptionIsUsageError(String command) {
        Cli.Result result = Cli.run(home, (command + " --project P").split(" ")).failedWith(2);

        assertThat(result.err()).startsWith("bhb: ");
    }

    @Test
    void unknownCommandIsNamedWithSuggestion() {
        Cli.Result result = Cli.run(home, "modles", "--project", PROJECT).failedWith(2);

        assertThat(result.err()).contains("unknown command 'modles'", "did you mean models");
    }

    @Test
    void noCommandIsUsageError() {
        Cli.run().failedWith(2);
    }

    @Test
    void homeWithoutStoreSaysNothingTracedAndCreatesNothing(@TempDir Path empty) throws IOException {
        Path missing = empty.resolve("never-used");

        Cli.Result inEmpty = Cli.run(empty, "models", "--project", PROJECT).failedWith(1);
        Cli.Result inMissing = Cli.run(missing, "runs", "--project", PROJECT).failedWith(1);

        assertThat(inEmpty.err()).contains("nothing has been traced under " + empty + " yet");
        assertThat(inMissing.err()).contains("nothing has been traced under " + missing + " yet");
        try (Stream<Path> files = Files.list(empty)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void storeThatIsNotADatabaseExitsOneWithoutStackTrace(@TempDir Path broken) throws IOException {
        Files.writeString(broken.resolve("bhb.db"), "this is not a database\n".repeat(200));

        Cli.Result result = Cli.run(broken, "models", "--project", PROJECT).failedWith(1);

        assertThat(result.err()).startsWith("bhb: ").contains("not a database").doesNotContain("\tat ");
    }

    @Test
    void verboseAddsTheStackTraceOfStoreErrors(@TempDir Path broken) throws IOException {
        Files.writeString(broken.resolve("bhb.db"), "this is not a database\n".repeat(200));

        Cli.Result result = Cli.run(broken, "runs", "--project", PROJECT, "--verbose");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("org.bighummingbird.store.Store", "\tat ").endsWith("\n");
        assertThat(result.err().lines().reduce((a, b) -> b).orElseThrow()).startsWith("bhb: ");
    }

    private static String invalidTagMessage(String tag) {
        return Text.oneLine(catchThrowableOfType(InvalidTag.class, () -> TagReference.parse(tag)).getMessage());
    }
}
