package org.bighummingbird;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JvmExitTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(strings = {"return", "exit"})
    void runsAreDeliveredWhenTheJvmExitsWithoutClose(String how) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ExitWithoutClose.class.getName(), home.toString(),
                "20000", how));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(how.equals("exit") ? 3 : 0);
        assertThat(StoredRuns.runs(home, "P")).hasSize(20_000);
    }
}
