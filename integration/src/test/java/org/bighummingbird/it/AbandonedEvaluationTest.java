package org.bighummingbird.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bighummingbird.cli.Bhb;
import org.bighummingbird.server.BhbServer;
import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.store.EvaluationInfo;
import org.bighummingbird.store.EvaluationStore;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;
import org.bighummingbird.store.ThrowawayPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process evaluating a model is killed (SIGKILL) while a row hangs; its evaluation stays running
 * until a sweep after the silence marks it abandoned — on the embedded store, and through a server on
 * SQLite and on PostgreSQL. The sweeps are given their "now", so nothing waits for wall time; the
 * waits below are for the child's events, with a deadline.
 */
class AbandonedEvaluationTest {
    private static final Duration SILENCE = EvaluationStore.DEFAULT_SILENCE;
    private static final long DEADLINE_MS = 60_000;

    @TempDir
    Path dir;

    @Test
    void onTheEmbeddedStore() throws Exception {
        Path home = dir.resolve("home");
        Child child = Child.start(dir, List.of(home.toString()));
        try (Store store = Store.openLocal(home)) {
            ProjectRef project = store.projects().find(Store.DEFAULT_WORKSPACE, SlowEvaluation.PROJECT).orElseThrow();
            killedWhileBeating(child, () -> only(store, project));

            assertAbandonedBySweep(store, project);
        }
        assertAbandonedInJson(bhb(List.of("evals", "--json", "--home", home.toString()), null, null));
        assertThat(bhb(List.of("evals", "--home", home.toString()), null, null)).contains("abandoned");
        assertThat(bhb(List.of("evals", "show", idOf(home), "--home", home.toString()), null, null))
                .contains("abandoned").contains("heartbeat");
    }

    @Test
    void throughAServerOnSqlite() throws Exception {
        try (BhbServer server = BhbServer.start(ServerConfig.builder().port(0).home(dir.resolve("server")).build())) {
            throughAServer(server, Store.DEFAULT_WORKSPACE);
        }
    }

    @Test
    void throughAServerOnPostgres() throws Exception {
        try (ThrowawayPostgres database = new ThrowawayPostgres();
                BhbServer server = BhbServer.start(ServerConfig.builder().port(0).jdbcUrl(database.url()).build())) {
            throughAServer(server, "slow");
        }
    }

    private void throughAServer(BhbServer server, String workspace) throws Exception {
        String key = server.store().apiKeys().create(workspace, "slow").token();
        Child child = Child.start(dir, List.of(dir.resolve("client").toString(), server.url(), key));
        Store store = server.store();
        ProjectRef project = store.projects().find(workspace, SlowEvaluation.PROJECT).orElseThrow();
        killedWhileBeating(child, () -> only(store, project));

        assertAbandonedBySweep(store, project);
        assertAbandonedInJson(bhb(List.of("evals", "--json"), server.url(), key));
    }

    /** Waits for a heartbeat after the creation (the process beats while row 1 hangs), then kills it. */
    private static void killedWhileBeating(Child child, java.util.function.Supplier<EvaluationInfo> read)
            throws InterruptedException {
        child.await(() -> {
            EvaluationInfo e = read.get();
            return e.heartbeatAtMicros() > e.createdAtMicros();
        }, "a heartbeat after the creation");
        child.process().destroyForcibly(); // SIGKILL: no shutdown hook, no close()
        assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(read.get().status()).isEqualTo(EvaluationInfo.RUNNING);
    }

    private static void assertAbandonedBySweep(Store store, ProjectRef project) {
        EvaluationInfo killed = only(store, project);
        Instant lastBeat = Instant.ofEpochSecond(0, killed.heartbeatAtMicros() * 1_000);
        assertThat(store.evaluations().abandonSilent(lastBeat.plus(SILENCE), SILENCE)).isZero();
        assertThat(only(store, project).status()).isEqualTo(EvaluationInfo.RUNNING);

        // every heartbeat that will ever land is before the wall clock's now
        assertThat(store.evaluations().abandonSilent(Instant.now().plus(SILENCE).plusSeconds(1), SILENCE)).isEqualTo(1);

        EvaluationInfo abandoned = only(store, project);
        assertThat(abandoned.status()).isEqualTo(EvaluationInfo.ABANDONED);
        assertThat(abandoned.failure()).startsWith("no heartbeat since ");
        assertThat(abandoned.rows()).isNull();
    }

    private static void assertAbandonedInJson(String printed) throws IOException {
        JsonNode list = new ObjectMapper().readTree(printed);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("status").asText()).isEqualTo("abandoned");
        assertThat(list.get(0).get("failure").asText()).startsWith("no heartbeat since ");
        assertThat(list.get(0).get("heartbeatAt").asText()).isNotBlank();
    }

    private static EvaluationInfo only(Store store, ProjectRef project) {
        List<EvaluationInfo> all = store.evaluations().list(project, 10);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private String idOf(Path home) {
        try (Store store = Store.openLocal(home)) {
            return only(store, store.projects().find(Store.DEFAULT_WORKSPACE, SlowEvaluation.PROJECT).orElseThrow()).id();
        }
    }

    private static String bhb(List<String> command, String url, String apiKey) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--project", SlowEvaluation.PROJECT));
        if (url != null) {
            System.setProperty("bhb.url", url);
            System.setProperty("bhb.apiKey", apiKey);
        }
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Bhb.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
            assertThat(exit).as("bhb %s: %s", command, err).isZero();
            return out.toString();
        } finally {
            System.clearProperty("bhb.url");
            System.clearProperty("bhb.apiKey");
        }
    }

    /** The evaluating process and its output, started and waited for until row 0 is printed. */
    private record Child(Process process, Path log) {
        static Child start(Path dir, List<String> args) throws InterruptedException {
            Path log = dir.resolve("child-" + System.nanoTime() + ".log");
            Child child = new Child(JavaProcess.start(SlowEvaluation.class.getName(), args, log), log);
            child.await(() -> child.output().contains("slow[0]"), "row 0's console line");
            return child;
        }

        void await(BooleanSupplier condition, String what) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS);
            while (!condition.getAsBoolean()) {
                if (!process.isAlive() || System.nanoTime() > end) {
                    process.destroyForcibly();
                    throw new AssertionError("no " + what + " from the evaluating process:\n" + output());
                }
                Thread.sleep(20); // polling for the child's event, not waiting out a threshold
            }
        }

        String output() {
            try {
                return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                return e.toString();
            }
        }
    }
}
