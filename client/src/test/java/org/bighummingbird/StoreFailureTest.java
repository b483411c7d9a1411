package org.bighummingbird;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.bighummingbird.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store that breaks after it was opened: tracing goes on, calls return their results, and the
 * runs wait in the spool (or in memory, when even the disk is full) until a store takes them.
 */
class StoreFailureTest {
    @TempDir
    Path home;

    private static BigHummingbird open(Path home, Duration closeTimeout) {
        return BigHummingbird.builder("P").home(home).closeTimeout(closeTimeout)
                .retryBackoff(Duration.ofMillis(20)).build();
    }

    @Test
    void aDatabaseFileRemovedWhileTracingIsRecreatedAndNoLaterRunIsLost() throws IOException {
        try (var bhb = open(home, Duration.ofSeconds(30))) {
            var model = bhb.trace("model", (Integer a, Integer b) -> a + b);
            for (int i = 0; i < 100; i++) {
                model.apply(i, 1);
            }
            assertThat(bhb.flush(Duration.ofSeconds(10))).isTrue();
            deleteDatabase(home);
            for (int i = 0; i < 500; i++) {
                assertThat(model.apply(i, 1)).isEqualTo(i + 1);
            }
        }
        assertThat(StoredRuns.runs(home, "P")).hasSize(500)
                .allMatch(r -> r.modelTag().toString().equals("model:v1"));
        assertThat(spoolFiles(home)).isEmpty();
    }

    @Test
    void runsSpooledWhileTheStoreIsBrokenAreReplayedByTheNextProcess() throws IOException {
        try (var bhb = open(home, Duration.ofMillis(300))) {
            var model = bhb.trace("model", (Integer a, Integer b) -> a * b);
            deleteDatabase(home);
            // a directory where the database file was: the store cannot be reopened
            Files.createDirectory(home.resolve(Store.DB_FILE));
            for (int i = 0; i < 1_000; i++) {
                assertThat(model.apply(i, 2)).isEqualTo(i * 2);
            }
        }
        assertThat(spoolFiles(home)).isNotEmpty();
        Files.delete(home.resolve(Store.DB_FILE));
        try (var next = open(home, Duration.ofSeconds(30))) {
            assertThat(next.project()).isEqualTo("P");
        }
        assertThat(StoredRuns.runs(home, "P")).hasSize(1_000);
        assertThat(StoredRuns.versions(home, "P")).extracting(v -> v.tag().toString()).containsExactly("model:v1");
        assertThat(spoolFiles(home)).isEmpty();
    }

    @Test
    void aFullDiskHoldsRunsInMemoryUntilThereIsSpaceAgain() throws Exception {
        try (Tmpfs disk = Tmpfs.mount(home.resolve("small"), "3m")) {
            assumeTrue(disk != null, "needs root to mount a small tmpfs");
            Path small = disk.path();
            try (var bhb = open(small, Duration.ofSeconds(30))) {
                var model = bhb.trace("model", (String q) -> q.toUpperCase());
                model.apply("warm up");
                assertThat(bhb.flush(Duration.ofSeconds(10))).isTrue();
                Path filler = disk.fill();
                for (int i = 0; i < 2_000; i++) {
                    assertThat(model.apply("question " + i)).isEqualTo("QUESTION " + i);
                }
                assertThat(bhb.flush(Duration.ofMillis(500))).isFalse();
                Files.delete(filler);
            }
            assertThat(StoredRuns.runs(small, "P")).hasSize(2_001);
        }
    }

    private static void deleteDatabase(Path home) throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(home.resolve(Store.DB_FILE + suffix));
        }
    }

    private static long[] spoolFiles(Path home) throws IOException {
        Path spool = home.resolve("spool");
        if (!Files.isDirectory(spool)) {
            return new long[0];
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.mapToLong(p -> p.toFile().length()).toArray();
        }
    }

    /** A small tmpfs, so the disk can really fill up. Needs root; null where mounting is refused. */
    record Tmpfs(Path path) implements AutoCloseable {
        static Tmpfs mount(Path path, String size) throws Exception {
            Files.createDirectories(path);
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", path.toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 ? new Tmpfs(path) : null;
        }

        /** Fills the remaining space with one file and returns it. */
        Path fill() throws IOException {
            Path filler = path.resolve("filler");
            byte[] chunk = new byte[64 * 1024];
            try (var out = Files.newOutputStream(filler)) {
                while (true) {
                    out.write(chunk);
                }
            } catch (IOException full) {
                return filler;
            }
        }

        @Override
        public void close() throws Exception {
            new ProcessBuilder("umount", "-l", path.toString()).inheritIO().start().waitFor();
        }
    }
}
