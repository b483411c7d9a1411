package org.bighummingbird.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code bhb server} in its own JVM, as a user starts it: the real CLI main on the test class path,
 * stderr captured to a file. Start it, kill it with SIGKILL, stop it with SIGTERM, start it again
 * on the same port and store.
 */
final class ServerProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final List<String> storeArgs;
    private final int port;
    private final Path logDir;
    private Process process;
    private Path log;
    private int starts;

    private ServerProcess(List<String> storeArgs, int port, Path logDir) {
        this.storeArgs = storeArgs;
        this.port = port;
        this.logDir = logDir;
    }

    /** A server on the embedded store under {@code home}. */
    static ServerProcess onHome(Path home, Path logDir) {
        return new ServerProcess(List.of("--home", home.toString()), freePort(), logDir);
    }

    /** A server on the database at {@code jdbcUrl}. */
    static ServerProcess onDatabase(String jdbcUrl, Path logDir) {
        return new ServerProcess(List.of("--db", jdbcUrl), freePort(), logDir);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the server and waits until its health check answers 200. */
    ServerProcess start() {
        log = logDir.resolve("server-" + port + "-" + (++starts) + ".log");
        List<String> args = new ArrayList<>(List.of("server", "--port", Integer.toString(port)));
        args.addAll(storeArgs);
        process = JavaProcess.start("org.bighummingbird.cli.Bhb", args, log);
        awaitHealthy();
        return this;
    }

    private void awaitHealthy() {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/api/v1/health"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            sleep(50);
        }
        throw new AssertionError("the server did not become healthy within 30 s:\n" + log());
    }

    /** SIGKILL: no shutdown hook, no graceful stop. */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM: the graceful stop a service manager sends. */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    private void waitFor() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("the server did not stop within 60 s:\n" + log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Everything the server has printed so far. */
    String log() {
        try {
            return log == null ? "" : Files.readString(log);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
