package org.bighummingbird.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.Fn2;
import org.bighummingbird.Traced;
import org.bighummingbird.store.RunView;
import org.bighummingbird.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK against a real server process that dies or goes away while clients trace: no call blocks
 * or fails, and every traced run ends up stored exactly once.
 */
class ServerReliabilityTest {
    private static final String WORKSPACE = "reliability";
    private static final String PROJECT = "Reliability";

    @TempDir
    Path dir;

    @Test
    void everyRunIsStoredOnceWhenTheServerIsKilledWhileEightThreadsTrace() throws Exception {
        Path serverHome = dir.resolve("server");
        String key = createKey(serverHome);
        Traffic traffic;
        long dropped;
        long storedBeforeRestart;
        try (ServerProcess server = ServerProcess.onHome(serverHome, dir.resolve("logs")).start()) {
            BigHummingbird bhb = client(server, key);
            Fn2<Integer, Integer, Integer> model = bhb.trace("adder", (Integer t, Integer i) -> t * 10_000_000 + i);
            traffic = Traffic.start(model, 8, 5);
            awaitStoredRun(server, key);
            server.kill();
            long callsAtKill = traffic.calls();
            storedBeforeRestart = storedRuns(serverHome);
            ServerProcess.sleep(2000);
            server.start();
            // the stream goes on after the restart until it is more than twice what it was at the kill
            traffic.awaitCalls(2 * callsAtKill + 1);
            traffic.stop();
            bhb.close();
            dropped = bhb.droppedRuns();
            assertThat(((Traced) model).tag()).isEqualTo("adder:v1");
        }
        assertThat(traffic.failures()).isEmpty();
        assertThat(dropped).isZero();
        // the server went away in the middle of the stream, not before or after it (the barriers above)
        assertThat(storedBeforeRestart).isPositive().isLessThan(traffic.calls() / 2);
        assertEveryCallStoredOnce(serverHome, traffic.calls());
    }

    @Test
    void runsTracedDuringATenSecondOutageArriveWhenTheServerIsBack() throws Exception {
        Path serverHome = dir.resolve("server");
        String key = createKey(serverHome);
        Traffic traffic;
        long dropped;
        long storedBeforeRestart;
        try (ServerProcess server = ServerProcess.onHome(serverHome, dir.resolve("logs")).start()) {
            BigHummingbird bhb = client(server, key);
            Fn2<Integer, Integer, Integer> model = bhb.trace("adder", (Integer t, Integer i) -> t * 10_000_000 + i);
            traffic = Traffic.start(model, 2, 5);
            awaitStoredRun(server, key);
            server.stop();
            long callsAtStop = traffic.calls();
            storedBeforeRestart = storedRuns(serverHome);
            ServerProcess.sleep(10_000);
            server.start();
            traffic.awaitCalls(2 * callsAtStop + 1);
            traffic.stop();
            bhb.close();
            dropped = bhb.droppedRuns();
        }
        assertThat(traffic.failures()).isEmpty();
        // a call that waited on the network would take at least a connect timeout or a backoff
        assertThat(traffic.slowestCallMillis()).isLessThan(1000);
        assertThat(dropped).isZero();
        // the server went away in the middle of the stream, not before or after it (the barriers above)
        assertThat(storedBeforeRestart).isPositive().isLessThan(traffic.calls() / 2);
        assertEveryCallStoredOnce(serverHome, traffic.calls());
    }

    @Test
    void aLaterProcessDeliversWhatAnEarlierOneSpooledWhileTheServerWasDown() throws Exception {
        Path serverHome = dir.resolve("server");
        String key = createKey(serverHome);
        ServerProcess server = ServerProcess.onHome(serverHome, dir.resolve("logs"));
        // the first process traces while no server answers, and gives up delivering after 200 ms
        BigHummingbird first = BigHummingbird.builder(PROJECT).url(server.url()).apiKey(key)
                .home(dir.resolve("client")).closeTimeout(Duration.ofMillis(200)).build();
        Fn2<Integer, Integer, Integer> model = first.trace("adder", (Integer t, Integer i) -> t * 10_000_000 + i);
        for (int i = 0; i < 5_000; i++) {
            model.apply(0, i);
        }
        first.close();
        assertThat(first.droppedRuns()).isZero();

        try (server) {
            server.start();
            // the next process with the same home and server replays the spool, and adds its own runs
            try (BigHummingbird second = client(server, key)) {
                Fn2<Integer, Integer, Integer> again = second.trace("adder", (Integer t, Integer i) -> t * 10_000_000 + i);
                again.apply(1, 0);
            }
        }
        assertEveryCallStoredOnce(serverHome, 5_001);
    }

    private static String createKey(Path serverHome) {
        try (Store store = Store.openLocal(serverHome)) {
            return store.apiKeys().create(WORKSPACE, "reliability test").token();
        }
    }

    private BigHummingbird client(ServerProcess server, String key) {
        return BigHummingbird.builder(PROJECT)
                .url(server.url())
                .apiKey(key)
                .home(dir.resolve("client"))
                .retryBackoff(Duration.ofMillis(50))
                .maxRetryBackoff(Duration.ofMillis(500))
                .build();
    }

    /** Waits (up to a minute) until the server answers its runs listing with at least one run. */
    private static void awaitStoredRun(ServerProcess server, String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/projects/" + PROJECT + "/runs?limit=1"))
                .header("Authorization", "Bearer " + key).GET().build();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() == 200 && !reply.body().contains("\"runs\":[]")) {
                return;
            }
            ServerProcess.sleep(50);
        }
        throw new AssertionError("no run reached the server within a minute:\n" + server.log());
    }

    private static long storedRuns(Path serverHome) {
        try (Store store = Store.openLocal(serverHome)) {
            return store.projects().find(WORKSPACE, PROJECT).map(store.runs()::count).orElse(0L);
        }
    }

    private static void assertEveryCallStoredOnce(Path serverHome, long calls) {
        try (Store store = Store.openLocal(serverHome)) {
            List<RunView> runs = StoredRuns.all(store, WORKSPACE, PROJECT);
            Set<String> outputs = new HashSet<>();
            for (RunView run : runs) {
                outputs.add(run.outputJson());
            }
            assertThat(runs).hasSize(Math.toIntExact(calls));
            assertThat(outputs).hasSize(Math.toIntExact(calls));
        }
    }
}
