package org.bighummingbird.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.Fn1;
import org.bighummingbird.Fn2;
import org.bighummingbird.Traced;

/**
 * A real store filled through the real SDK, the way a user's program fills it:
 * <ul>
 *   <li>{@code model:v1} (a + b) with {@link #ADD_RUNS} direct runs and one inside {@code pipeline:v1},
 *       then {@code model:v2} (a * b) with one run;
 *   <li>{@code failing:v1}, which throws for an empty question and answers a map otherwise;
 *   <li>{@code echo:v1}, whose output holds newlines, quotes, unicode and control characters;
 *   <li>{@code idle:v1}, traced but never called.
 * </ul>
 * {@link #RUNS} runs in all; the newest is {@code model:v2}'s {@code 6 * 7}.
 */
final class TracedHome {
    static final String PROJECT = "Concept Project";
    static final int ADD_RUNS = 25;
    static final int RUNS = ADD_RUNS + 2 + 2 + 1 + 1;
    static final String TRICKY = "line one\nline \"two\"\t\\ ünïcødé ✓ 😀 \u0007\u001b[31m red \u202e";

    private TracedHome() {}

    private static Path shared;

    /** One filled home for every test that only reads; removed when the JVM exits. */
    static synchronized Path shared() {
        if (shared == null) {
            try {
                Path home = Files.createTempDirectory("bhb-cli-test");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(home)));
                fill(home);
                shared = home;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    static void fill(Path home) {
        try (var bhb = BigHummingbird.local(PROJECT, home)) {
            Fn2<Integer, Integer, Integer> add = bhb.trace("model", (Integer a, Integer b) -> a + b);
            for (int i = 0; i < ADD_RUNS; i++) {
                add.apply(i, 100);
            }
            assertThat(((Traced) add).tag()).isEqualTo("model:v1");
            pause();

            Fn1<Integer, Integer> pipeline = bhb.trace("pipeline", (Integer x) -> add.apply(x, x));
            pipeline.apply(21);
            pause();

            Fn1<String, Map<String, Object>> failing = bhb.trace("failing", (String question) -> {
                if (question.isEmpty()) {
                    throw new IllegalArgumentException("empty question: \"\" given");
                }
                return Map.of("answer", question.toUpperCase(), "length", question.length());
            });
            failing.apply("why");
            try {
                failing.apply("");
            } catch (IllegalArgumentException expected) {
                // the SDK rethrows the model's exception unchanged; the run records it
            }
            pause();

            Fn1<String, String> echo = bhb.trace("echo", (String text) -> text + "!");
            echo.apply(TRICKY);
            pause();

            Fn1<String, String> idle = bhb.trace("idle", (String text) -> text.strip());
            assertThat(((Traced) idle).tag()).isEqualTo("idle:v1");

            Fn2<Integer, Integer, Integer> multiply = bhb.trace("model", (Integer a, Integer b) -> a * b);
            multiply.apply(6, 7);
            assertThat(((Traced) multiply).tag()).isEqualTo("model:v2");
            assertThat(bhb.flush(Duration.ofSeconds(30))).isTrue();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }

    // Runs are ordered by start time; a pause keeps the groups apart even on a coarse clock.
    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
