package org.bighummingbird.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.Fn2;
import org.bighummingbird.Traced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class path of bhb-sdk + bhb-exporter-http, as a user who only talks to a server gets it (this
 * module's own class path: its dependencies, plus JUnit and AssertJ): no database driver, no
 * Flyway, no JDBC store; and the SDK works on it through a server.
 */
class ServerOnlyClassPathTest {
    @TempDir
    Path home;

    @Test
    void theClassPathHoldsNoDriverNoFlywayAndNoStore() throws IOException {
        List<String> found = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            for (String forbidden : List.of("META-INF/services/java.sql.Driver", "org/sqlite/", "org/postgresql/",
                    "org/flywaydb/", "com/zaxxer/hikari/", "org/bighummingbird/store/")) {
                if (contains(path, forbidden)) {
                    found.add(forbidden + " in " + entry);
                }
            }
        }
        assertThat(found).as("database pieces on the server-only class path").isEmpty();
        assertThat(ServiceLoader.load(java.sql.Driver.class).stream().map(p -> p.type().getName()).toList())
                .as("JDBC drivers found as services").isEmpty();
        for (String type : List.of("org.sqlite.JDBC", "org.postgresql.Driver", "org.flywaydb.core.Flyway",
                "org.bighummingbird.store.Store", "org.bighummingbird.embedded.LocalCatalog")) {
            assertThatThrownBy(() -> Class.forName(type)).as(type).isInstanceOf(ClassNotFoundException.class);
        }
    }

    /** Whether a jar or a classes directory holds {@code name} (a file, or a directory ending in '/'). */
    private static boolean contains(Path entry, String name) throws IOException {
        if (Files.isDirectory(entry)) {
            return Files.exists(entry.resolve(name));
        }
        if (!Files.isRegularFile(entry) || !entry.toString().endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            return jar.stream().anyMatch(e -> e.getName().startsWith(name));
        }
    }

    @Test
    void withoutTheEmbeddedStoreOnlyAServerWorksAndTheMessageSaysWhatToAdd() {
        assertThatThrownBy(() -> BigHummingbird.local("p", home))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("org.bighummingbird:bhb-store-embedded")
                .hasMessageContaining("BHB_URL");
        assertThat(home).isEmptyDirectory();
    }

    @Test
    void aServerIsReachedThroughTheServiceLoaderAndRunsWaitInItsSpool() throws IOException {
        // nothing listens on port 9: the runs cannot be delivered, and wait in this server's spool
        try (var bhb = BigHummingbird.builder("p").home(home).url("http://127.0.0.1:9")
                .closeTimeout(Duration.ofMillis(300)).tagTimeout(Duration.ofMillis(100)).build()) {
            Fn2<Integer, Integer, Integer> model = bhb.trace("model", (Integer a, Integer b) -> a + b);
            assertThat(model.apply(1, 2)).isEqualTo(3);
            assertThat(((Traced) model).name()).isEqualTo("model");
        }
        try (Stream<Path> spools = Files.list(home.resolve("spool-remote"))) {
            assertThat(spools.toList()).hasSize(1);
        }
        assertThat(home.resolve("bhb.db")).doesNotExist();
    }
}
