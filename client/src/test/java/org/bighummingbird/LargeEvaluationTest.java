package org.bighummingbird;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bighummingbird.testing.TestClasspath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100,000-row evaluation in a JVM whose heap (32 MB) is far smaller than the rows' inputs alone
 * (about 45 MB of JSON): it completes only if rows are paged in, run within a bounded window and
 * written as they finish, and read back a page at a time.
 */
class LargeEvaluationTest {
    private static final int ROWS = 100_000;
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path home;

    @Test
    void aHundredThousandRowsRunInASmallHeap() throws Exception {
        List<String> rows = new ArrayList<>(ROWS);
        String padding = "x".repeat(440);
        for (int i = 0; i < ROWS; i++) {
            rows.add(i + padding);
        }
        try (var bhb = BigHummingbird.local("Large", home)) {
            assertThat(bhb.uploadDataset(Dataset.of("big", "", rows))).isEqualTo("big:v1");
        }
        rows = null;

        Path out = home.resolve("stdout.txt");
        Path err = home.resolve("stderr.txt");
        Process p = new ProcessBuilder(JAVA, "-Xmx32m", "-XX:+UseSerialGC", "-cp", TestClasspath.get(),
                LargeEvaluationProgram.class.getName(), home.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean ended = p.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly().waitFor();
        }

        assertThat(ended).as("the evaluation ended within 5 minutes").isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        // every row is 441 characters or longer, so every row passes
        assertThat(Files.readAllLines(out)).containsExactly("✔ All cases in dataset passed.",
                ROWS + " " + ROWS + " " + ROWS);
    }
}
