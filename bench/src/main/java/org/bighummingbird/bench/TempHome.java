package org.bighummingbird.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Throw-away BigHummingbird homes under the system temp directory. */
final class TempHome {
    private TempHome() {}

    static Path create(String prefix) {
        try {
            return Files.createTempDirectory("bhb-bench-" + prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path home) {
        if (home == null || !Files.exists(home)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(home)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + home + ": " + e);
        }
    }

    /** Bytes under {@code dir} (the spool, for instance); 0 when it does not exist. */
    static long size(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }
}
