package org.bighummingbird.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bighummingbird.store.ThrowawayPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCommandTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    @TempDir
    Path home;

    @Test
    void dbAndHomeTogetherIsAUsageError() {
        Cli.run("server", "--db", "jdbc:sqlite:" + home.resolve("x.db"), "--home", home.toString()).failedWith(2);
    }

    @Test
    void badPortsAndUrlsAreUsageErrors() {
        assertThat(Cli.run("server", "--port", "70000", "--home", home.toString()).failedWith(2).err())
                .contains("port must be from 0 to 65535");
        Cli.run("server", "--db", "postgres://x").failedWith(2);
        Cli.run("server", "--port", "eighty").failedWith(2);
    }

    @Test
    void badSessionDurationsAreUsageErrorsNamingTheOption() {
        for (String bad : new String[] {"0m", "12", "abc", "-5m", "1.5h", "12 h", "99999999d", ""}) {
            assertThat(Cli.run("server", "--session-idle", bad, "--home", home.toString()).failedWith(2).err())
                    .as(bad).contains("--session-idle");
        }
        assertThat(Cli.run("server", "--session-max-age", "1w", "--home", home.toString()).failedWith(2).err())
                .contains("--session-max-age").contains("30m or 12h");
        assertThat(new ServerCommand.SessionDuration().convert("90s")).hasSeconds(90);
        assertThat(new ServerCommand.SessionDuration().convert("7d")).hasDays(7);
    }

    @Test
    void noAuthListensOnLoopbackOnly() {
        assertThat(Cli.run("server", "--no-auth", "--host", "0.0.0.0", "--home", home.toString()).failedWith(2).err())
                .contains("--no-auth").contains("loopback").contains("0.0.0.0");
        Cli.run("server", "--no-auth", "--host", "192.168.1.5", "--port", "0", "--home", home.toString()).failedWith(2);
    }

    @Test
    void noAuthWarnsLoudlyServesAndStopsOnSigterm() throws Exception {
        Process process = bhb("server", "--port", "0", "--no-auth", "--home", home.toString());
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            String url = awaitUrl(err, lines);
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/projects"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Local\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            sigterm(process);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            err.lines().forEach(lines::add);

            assertThat(process.exitValue()).as("exit code after a graceful stop").isZero();
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(String.join("\n", lines)).contains("WITHOUT AUTHENTICATION", "Anyone who can reach " + url,
                    "store " + home.toRealPath().resolve("bhb.db"), "bhb server: stopped");
            assertThat(lines.stream().filter(l -> l.startsWith("WARN"))).hasSizeGreaterThanOrEqualTo(3);
            assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void withAuthAndNoKeysItSaysHowToCreateOne() throws Exception {
        Process process = bhb("server", "--port", "0", "--home", home.toString());
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            String url = awaitUrl(err, lines);
            HttpResponse<String> refused = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + "/api/v1/projects")).build(), HttpResponse.BodyHandlers.ofString());
            sigterm(process);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            err.lines().forEach(lines::add);

            assertThat(process.exitValue()).as("exit code after a graceful stop").isZero();
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(String.join("\n", lines)).contains("bhb keys create --workspace default")
                    .doesNotContain("WITHOUT AUTHENTICATION");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void processDestroyStopsGracefullyAndExitsZero() throws Exception {
        Process process = bhb("server", "--port", "0", "--no-auth", "--home", home.toString());
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
            awaitUrl(err, new ArrayList<>());

            process.destroy(); // SIGTERM on Linux, as a service manager sends it

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aFailingStorePrintsNoPasswordOfItsUrl() throws Exception {
        try (ThrowawayPostgres database = new ThrowawayPostgres()) {
            try (Connection c = DriverManager.getConnection(database.url()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE flyway_schema_history (x INTEGER)"); // a history Flyway cannot read
            }
            String name = database.url().substring(database.url().lastIndexOf('/') + 1, database.url().indexOf('?'));
            for (String url : List.of(database.url() + "&password=secret",
                    "jdbc:postgresql://postgres:secret@127.0.0.1:5432/" + name,
                    "jdbc:postgresql://127.0.0.1:1/bhb?user=bhb&password=secret",
                    "jdbc:postgresql://bhb:secret@127.0.0.1:1/bhb",
                    "postgres://bhb:secret@127.0.0.1/bhb")) {
                Process process = new ProcessBuilder(command("server", "--port", "0", "--db", url))
                        .redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).as(output).isNotZero();
                assertThat(output).as(url).doesNotContain("secret").contains("***");
            }
        }
    }

    private static String awaitUrl(BufferedReader err, List<String> lines) throws IOException {
        String line;
        while ((line = err.readLine()) != null) {
            lines.add(line);
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("the server never said where it listens:\n" + String.join("\n", lines));
    }

    // Process.destroy() would close our end of stderr; kill leaves it open to read the last lines.
    private static void sigterm(Process process) throws Exception {
        new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
    }

    private static Process bhb(String... args) throws IOException {
        return new ProcessBuilder(command(args)).start();
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Bhb.class.getName()));
        command.addAll(List.of(args));
        return command;
    }
}
