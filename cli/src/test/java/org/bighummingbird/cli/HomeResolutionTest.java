package org.bighummingbird.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bighummingbird.cli.TracedHome.PROJECT;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeResolutionTest {
    private final Path home = TracedHome.shared();
    private final String saved = System.getProperty("bhb.home");

    @AfterEach
    void restoreProperty() {
        if (saved == null) {
            System.clearProperty("bhb.home");
        } else {
            System.setProperty("bhb.home", saved);
        }
    }

    @Test
    void bhbHomePropertyIsTheDefaultHome() {
        System.setProperty("bhb.home", home.toString());

        assertThat(Cli.run("models", "--project", PROJECT, "--json").json()).hasSize(6);
    }

    @Test
    void homeOptionWinsOverTheProperty(@TempDir Path elsewhere) {
        System.setProperty("bhb.home", elsewhere.toString());

        assertThat(Cli.run("models", "--project", PROJECT, "--json", "--home", home.toString()).json()).hasSize(6);
    }

    @Test
    void blankPropertyFallsBackToEnvironmentOrUserHome() {
        System.setProperty("bhb.home", "  ");
        String env = System.getenv("BHB_HOME");
        Path expected = env == null || env.isBlank()
                ? Path.of(System.getProperty("user.home"), ".bighummingbird")
                : Path.of(env.trim());

        assertThat(StoreOptions.defaultHome()).isEqualTo(expected);
    }

    @Test
    void relativeHomeIsReportedAbsolute() {
        Cli.Result result = Cli.run("models", "--project", PROJECT, "--home", "no-such-dir-here").failedWith(1);

        assertThat(result.err()).contains(Path.of("no-such-dir-here").toAbsolutePath().toString());
    }
}
