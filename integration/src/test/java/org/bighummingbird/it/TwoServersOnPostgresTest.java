package org.bighummingbird.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import org.bighummingbird.core.Tag;
import org.bighummingbird.store.ModelVersionInfo;
import org.bighummingbird.store.Store;
import org.bighummingbird.store.ThrowawayPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out: two server processes on one PostgreSQL database, eight client processes registering
 * the same new model through either of them at the same moment. The store assigns each key one
 * version, numbered without gaps.
 */
class TwoServersOnPostgresTest {
    private static final int CLIENTS = 8;

    @TempDir
    Path dir;

    private ThrowawayPostgres postgres;

    @BeforeEach
    void createDatabase() throws Exception {
        postgres = new ThrowawayPostgres();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        postgres.close();
    }

    @Test
    void eightClientsOnTwoServersRegisteringAtOnceGetOneVersionPerKeyWithContiguousNumbers() throws Exception {
        String key;
        try (Store store = Store.open(postgres.url())) {
            key = store.apiKeys().create("scale-out", "two servers").token();
        }
        try (ServerProcess a = ServerProcess.onDatabase(postgres.url(), dir.resolve("logs-a")).start();
                ServerProcess b = ServerProcess.onDatabase(postgres.url(), dir.resolve("logs-b")).start()) {
            // all eight trace the same code: one version
            List<String> sameCode = runClients(a, b, key, i -> 0);
            assertThat(sameCode).containsOnly("shared:v1");

            // three new variants, two or three clients each: one more version per variant, v2 to v4
            List<String> variants = runClients(a, b, key, i -> 1 + i % 3);
            for (int i = 0; i < CLIENTS; i++) {
                for (int j = 0; j < CLIENTS; j++) {
                    if (i % 3 == j % 3) {
                        assertThat(variants.get(i)).isEqualTo(variants.get(j));
                    } else {
                        assertThat(variants.get(i)).isNotEqualTo(variants.get(j));
                    }
                }
            }
        }
        try (Store store = Store.open(postgres.url())) {
            List<ModelVersionInfo> versions = store.models().list(store.projects().find("scale-out", "Shared").orElseThrow());
            assertThat(versions).extracting(v -> v.tag()).containsExactly(
                    new Tag("shared", 1), new Tag("shared", 2), new Tag("shared", 3), new Tag("shared", 4));
        }
    }

    /** Starts the clients at once, half through each server, and returns each one's printed tag. */
    private List<String> runClients(ServerProcess a, ServerProcess b, String key,
            IntUnaryOperator variantOf) throws Exception {
        long startAt = System.currentTimeMillis() + 3000;
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Path out = dir.resolve("client-" + System.nanoTime() + ".log");
            ServerProcess server = i % 2 == 0 ? a : b;
            processes.add(JavaProcess.start(RegisterModel.class.getName(), List.of(server.url(), key,
                    dir.resolve("home-" + i).toString(), Integer.toString(variantOf.applyAsInt(i)),
                    Long.toString(startAt)), out));
            outputs.add(out);
        }
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Process p = processes.get(i);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("client %d ended", i).isTrue();
            List<String> lines = Files.readAllLines(outputs.get(i));
            assertThat(p.exitValue()).as("client %d failed:%n%s", i, String.join("\n", lines)).isZero();
            tags.add(lines.stream().filter(l -> l.startsWith("shared:")).findFirst()
                    .orElseThrow(() -> new AssertionError("no tag printed:\n" + String.join("\n", lines))));
        }
        return tags;
    }
}
