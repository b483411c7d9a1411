package org.bighummingbird.bench;

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
import java.util.concurrent.locks.LockSupport;

/**
 * A {@code bhb server} in a process of its own, started as users start it, its stdout and stderr
 * in a log file. {@link #awaitHealthy} polls {@code GET /api/v1/health}; {@link #stop} sends
 * SIGTERM (graceful stop) and waits for the exit.
 */
final class ServerProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();

    private final Process process;
    private final long startNanos;
    private final String url;
    private final Path log;

    private ServerProcess(Process process, long startNanos, String url, Path log) {
        this.process = process;
        this.startNanos = startNanos;
        this.url = url;
        this.log = log;
    }

    /**
     * Starts {@code command} (which must make the server listen on 127.0.0.1:{@code port}), writing
     * its output to {@code log}.
     */
    static ServerProcess start(List<String> command, int port, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        try {
            long start = System.nanoTime();
            Process process = builder.start();
            return new ServerProcess(process, start, "http://127.0.0.1:" + port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code java} of the running JVM. */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** A TCP port free on the loopback interface a moment ago. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the HTTP client's classes against a closed port, so polling a real server starts at once. */
    static void warmUpClient() {
        health("http://127.0.0.1:" + freePort());
    }

    /**
     * Polls {@code GET /api/v1/health} every {@code poll} until it answers 200.
     *
     * @return nanoseconds from the process start until the 200
     * @throws IllegalStateException when the process exits or {@code timeout} passes first
     */
    long awaitHealthy(Duration timeout, Duration poll) {
        long deadline = startNanos + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (health(url) == 200) {
                return System.nanoTime() - startNanos;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + ":\n" + logTail());
            }
            LockSupport.parkNanos(poll.toNanos());
        }
        throw new IllegalStateException("the server did not answer within " + timeout + ":\n" + logTail());
    }

    private static int health(String base) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    String url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM, then waits up to a minute for the exit; returns the exit code. */
    int stop() {
        process.destroy();
        try {
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the server did not stop within a minute of SIGTERM:\n" + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        return process.exitValue();
    }

    /** The last lines of the server's output. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", new ArrayList<>(lines.subList(Math.max(0, lines.size() - 20), lines.size())));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Lines of the server's output that contain {@code text}. */
    private static final java.util.regex.Pattern DURATION = java.util.regex.Pattern.compile(" durationMs=(\\d+)");

    /**
     * The request-log lines holding {@code text}: how many, and the sum of their {@code durationMs}
     * (the time the server spent on them, from reading the request to writing the answer).
     */
    RequestTotals requestTotals(String text) {
        try (var lines = Files.lines(log)) {
            long[] totals = new long[2];
            lines.filter(line -> line.contains(text)).forEach(line -> {
                totals[0]++;
                var m = DURATION.matcher(line);
                if (m.find()) {
                    totals[1] += Long.parseLong(m.group(1));
                }
            });
            return new RequestTotals(totals[0], totals[1]);
        } catch (IOException e) {
            return new RequestTotals(-1, -1);
        }
    }

    /** How many requests, and the milliseconds the server spent on them. */
    record RequestTotals(long requests, long millis) {}

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}
