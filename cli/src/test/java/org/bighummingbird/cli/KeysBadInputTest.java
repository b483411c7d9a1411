package org.bighummingbird.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeysBadInputTest {
    @TempDir
    Path dir;

    static Stream<String> namesNoWorkspaceCanHave() {
        return Stream.of("", " ", "a:b", "nul\u0000here", "bell\u0007", "esc\u001b[31m", "new\nline",
                "w".repeat(201), "x'; DROP TABLE api_keys; --");
    }

    @ParameterizedTest
    @MethodSource("namesNoWorkspaceCanHave")
    void aWorkspaceNameNoWorkspaceCanHaveIsAUsageErrorAndCreatesNothing(String name) throws IOException {
        Path home = dir.resolve("home");

        Cli.Result result = Cli.run(home, "keys", "create", "--workspace", name).failedWith(2);

        assertThat(result.err()).contains("workspace name").doesNotContain("\u0000", "\u0007", "\u001b");
        if (name.isBlank()) {
            assertThat(result.err()).contains("got \"" + name + "\"");
        } else if (name.length() > 200) {
            assertThat(result.err()).contains("got 201");
        } else {
            assertThat(result.err()).contains("\"" + name.substring(0, 3));
        }
        assertThat(Files.exists(home)).isFalse();
    }

    @Test
    void aLabelWithControlCharactersIsAUsageError() {
        Cli.Result result = Cli.run(dir, "keys", "create", "--workspace", "w", "--name", "x\u001b[2J").failedWith(2);

        assertThat(result.err()).contains("key name").doesNotContain("\u001b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-url", "jdbc:mysql://127.0.0.1/bhb", "postgresql://127.0.0.1/bhb", "jdbc:\u0007"})
    void aDbThatIsNoStoreUrlIsAUsageErrorNamingIt(String url) {
        for (String command : new String[] {"create --workspace w", "list", "revoke 0123456789ab"}) {
            String[] args = (("keys " + command).split(" "));
            String[] all = Stream.concat(Stream.of(args), Stream.of("--db", url)).toArray(String[]::new);

            Cli.Result result = Cli.run(all).failedWith(2);

            assertThat(result.err()).contains("--db", "jdbc:sqlite:", "jdbc:postgresql:", Text.oneLine(url));
        }
    }

    @Test
    void anUnreachableDatabaseExitsOneWithoutStackTrace() {
        String url = "jdbc:postgresql://127.0.0.1:1/nowhere?user=postgres&connectTimeout=5";

        Cli.Result result = Cli.run("keys", "list", "--db", url).failedWith(1);

        assertThat(result.err()).startsWith("bhb: ").contains("127.0.0.1:1").doesNotContain("\tat ");
    }

    @Test
    void dbAndHomeTogetherAreAUsageError() {
        Cli.Result result = Cli.run(dir, "keys", "list", "--db", "jdbc:sqlite:" + dir.resolve("x.db")).failedWith(2);

        assertThat(result.err()).contains("--db", "--home");
        assertThat(dir.resolve("x.db")).doesNotExist();
    }

    @Test
    void listAndRevokeNeverCreateAStore() throws IOException {
        Path missing = dir.resolve("never-used");
        Path file = dir.resolve("absent.db");

        assertThat(Cli.run(missing, "keys", "list").failedWith(1).err()).contains("no store under " + missing);
        Cli.run(missing, "keys", "revoke", "0123456789ab").failedWith(1);
        Cli.run("keys", "list", "--db", "jdbc:sqlite:" + file).failedWith(1);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123456789ab", "ABCDEF012345", "bhb_0123456789ab", "x'; DROP TABLE api_keys; --", "-"})
    void anUnknownIdExitsOneNamingIt(String id) {
        Cli.run(dir, "keys", "create", "--workspace", "w").exitCode();

        Cli.Result result = Cli.run("keys", "revoke", "--home", dir.toString(), "--", id).failedWith(1);

        assertThat(result.err()).contains("no API key with id \"" + id + "\"");
    }

    @Test
    void keysWithoutASubcommandOrWorkspaceIsAUsageError() {
        Cli.run(dir, "keys").failedWith(2);
        assertThat(Cli.run(dir, "keys", "create").failedWith(2).err()).contains("--workspace");
        assertThat(Cli.run(dir, "keys", "revoke").failedWith(2).err()).contains("ID");
    }
}
