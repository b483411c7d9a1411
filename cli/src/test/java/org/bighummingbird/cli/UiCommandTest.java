package org.bighummingbird.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bighummingbird.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiCommandTest {
    @TempDir
    Path home;

    @Test
    void badPortIsAUsageError() {
        assertThat(Cli.run("ui", "--port", "70000", "--home", home.toString()).failedWith(2).err())
                .contains("port must be from 0 to 65535");
        Cli.run("ui", "--port", "eighty", "--home", home.toString()).failedWith(2);
        Cli.run("ui", "--host", "0.0.0.0", "--home", home.toString()).failedWith(2);
    }

    @Test
    void printsTheUrlServesTheDashboardAndStopsOnSigterm() throws Exception {
        try (Store store = Store.openLocal(home)) {
            store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Concept Project");
            store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Other Project");
        }
        Process process = new ProcessBuilder(command("ui", "--port", "0", "--home", home.toString())).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String url = out.readLine();
            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/");
            HttpResponse<String> projects = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(projects.statusCode()).isEqualTo(200);
            assertThat(projects.body()).contains("Concept Project").contains("Other Project");

            new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            assertThat(out.readLine()).as("stdout holds the URL only").isNull();
            assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("bhb ui: stopped");
        } finally {
            process.destroyForcibly();
        }
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Bhb.class.getName()));
        command.addAll(List.of(args));
        return command;
    }
}
