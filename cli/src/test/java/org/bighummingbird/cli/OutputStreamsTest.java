package org.bighummingbird.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bighummingbird.cli.TracedHome.PROJECT;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** stdout carries the result and nothing else; logs and errors go to stderr. */
class OutputStreamsTest {
    private final Path home = TracedHome.shared();

    @Test
    void executeWithoutWritersPrintsResultToSystemOutAsUtf8() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        int code;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            code = Bhb.execute("runs", "--project", PROJECT, "--home", home.toString(), "--model", "echo:v1",
                    "--json");
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }

        assertThat(code).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        JsonNode runs = new Cli.Result(0, out.toString(StandardCharsets.UTF_8), "").json();
        assertThat(runs.get(0).at("/inputs/text").asText()).isEqualTo(TracedHome.TRICKY);
    }

    @Test
    void stdoutOfTheProcessIsOnlyTheJsonEvenWhenEverythingLogs() throws Exception {
        Process process = java("-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
                "-Dorg.slf4j.simpleLogger.log.org.flywaydb=trace",
                "runs", "--project", PROJECT, "--home", home.toString(), "--json", "--limit", "5");
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("stderr: %s", err.get()).isZero();
        assertThat(new Cli.Result(0, out, "").json()).hasSize(5);
        assertThat(err.get()).as("the logs were on, and went to stderr").containsIgnoringCase("flyway");
    }

    @Test
    void failingProcessExitsWithCodeAndPrintsNothingOnStdout() throws Exception {
        Process process = java("models", "show", "model:v0", "--project", PROJECT, "--home", home.toString());
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(out).isEmpty();
        assertThat(err.get()).contains("tag version must be v followed by a positive number");
    }

    @Test
    void helpIsAResultOnStdout() {
        Cli.Result top = Cli.run("--help");
        Cli.Result runs = Cli.run("runs", "--help");

        assertThat(top.exitCode()).isZero();
        assertThat(top.err()).isEmpty();
        assertThat(top.out()).contains("Usage: bhb", "models", "runs");
        assertThat(runs.out()).contains("--project", "--model", "--limit", "--json", "--home");
    }

    @Test
    void versionNamesTheBuild() {
        Cli.Result result = Cli.run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).matches("bhb \\d+\\.\\d+\\.\\d+.*\n");
    }

    private static Process java(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> jvmOptions = new ArrayList<>();
        List<String> programArgs = new ArrayList<>();
        for (String arg : args) {
            (arg.startsWith("-D") ? jvmOptions : programArgs).add(arg);
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Bhb.class.getName()));
        command.addAll(programArgs);
        return new ProcessBuilder(command).start();
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
