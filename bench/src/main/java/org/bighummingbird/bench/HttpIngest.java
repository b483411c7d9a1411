package org.bighummingbird.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.Fn2;
import org.bighummingbird.Traced;
import org.bighummingbird.store.Store;

/**
 * Load harness for the budget "ingest, SDK → HTTP → server → store ≥ 50,000 runs/s on 2 cores
 * (SQLite and PostgreSQL), and ≥ 50 % of the raw rate of the store's own idempotent insert path".
 * Per database:
 *
 * <ol>
 *   <li>the raw rate: {@link RawStoreIngest#runsPerSecond} on a fresh store of that kind, with the
 *       runs' shape, in batches of 2,048 (twice the runs of one of the SDK's requests: the raw path
 *       gets the larger, faster transaction), after a warm-up of a tenth;
 *   <li>{@code bhb server} in a JVM of its own, started from this jar as users start it (full JIT,
 *       default GC), on a fresh store holding an API key created straight in the store;
 *   <li>a warm-up pass into another project (JIT on both sides; not a result), then the SDK in
 *       this process traces {@code --runs} calls at {@code --rate} calls/s into the server, timed
 *       from the first call until {@code close()} returns;
 *   <li>SIGTERM to the server, then the store is opened and the runs counted: all must be there.
 * </ol>
 *
 * It prints runs/s end to end, the share of raw, and the CPU time the client, the server and (for
 * PostgreSQL) the database's processes spent during the measured pass. {@code --rate 0} traces as
 * fast as possible with a queue that holds every run, so nothing drops. Exits 1 when a run is
 * missing.
 *
 * <pre>{@code
 * java -cp benchmarks.jar org.bighummingbird.bench.HttpIngest [--db sqlite,postgres] [--runs N]
 *     [--rate CALLS_PER_SECOND | --rate 0] [--threads N] [--warmup N] [--postgres jdbc:postgresql://host:port/]
 *     [--server-java-option OPTION]…
 * }</pre>
 */
public final class HttpIngest {
    /** A pace the SDK → server path sustains on both databases with the default queue (see docs/benchmarks.md). */
    static final long DEFAULT_RATE = 10_000;
    /** Runs per raw insert: twice the runs of one SDK request ({@code HttpSink.CHUNK}, 1,024). */
    static final int RAW_BATCH = 2_048;
    private static final String PROJECT = "http-ingest";
    private static final String WARMUP_PROJECT = "http-warmup";
    /**
     * The server JVM's flags: the {@code bhb} launcher's for {@code server} (full JIT, default GC),
     * less its class-data archive, which only shortens start-up.
     */
    static final List<String> SERVER_FLAGS = List.of("-Xshare:auto");
    /** The logging {@code cli/target/bhb.jar} configures, which this jar's own simplelogger.properties lacks. */
    private static final List<String> SERVER_LOGGING = List.of("-Dorg.slf4j.simpleLogger.showThreadName=false",
            "-Dorg.slf4j.simpleLogger.showShortLogName=true", "-Dorg.slf4j.simpleLogger.log.com.zaxxer.hikari=warn",
            "-Dorg.slf4j.simpleLogger.log.org.eclipse.jetty=warn", "-Dorg.slf4j.simpleLogger.log.io.javalin=warn");

    private final int runs;
    private final long rate;
    private final int threads;
    private final int warmup;
    /** Java options added to the server's command line ({@code --server-java-option}), e.g. to record it with JFR. */
    private final List<String> serverOptions;

    private HttpIngest(int runs, long rate, int threads, int warmup, List<String> serverOptions) {
        this.runs = runs;
        this.rate = rate;
        this.threads = threads;
        this.warmup = warmup;
        this.serverOptions = serverOptions;
    }

    public static void main(String[] args) throws Exception {
        int runs = 1_000_000;
        long rate = DEFAULT_RATE;
        int threads = 1;
        int warmup = -1;
        List<String> databases = List.of("sqlite", "postgres");
        String postgres = ThrowawayPostgres.DEFAULT_SERVER;
        List<String> serverOptions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(number(args[++i]));
                case "--rate" -> rate = Long.parseLong(number(args[++i]));
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(number(args[++i]));
                case "--db" -> databases = Arrays.asList(args[++i].split(","));
                case "--postgres" -> postgres = args[++i];
                case "--server-java-option" -> serverOptions.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; usage: HttpIngest"
                        + " [--db sqlite,postgres] [--runs N] [--rate CALLS_PER_SECOND (0: as fast as possible)]"
                        + " [--threads N] [--warmup N] [--postgres jdbc:postgresql://host:port/] [--server-java-option OPTION]…");
            }
        }
        HttpIngest harness = new HttpIngest(runs, rate, threads, warmup < 0 ? runs / 10 : warmup, serverOptions);
        System.out.printf("runs per measurement: %,d; pace: %s; caller threads: %d; cores: %d; java %s;"
                + " server: java %s -cp <this jar> org.bighummingbird.cli.Bhb server%n", runs,
                rate > 0 ? String.format("%,d calls/s, SDK default queue", rate)
                        : String.format("as fast as possible, queue of %,d", runs),
                threads, Runtime.getRuntime().availableProcessors(), Runtime.version(), String.join(" ", SERVER_FLAGS));
        boolean complete = true;
        for (String database : databases) {
            switch (database.strip()) {
                case "sqlite" -> complete &= harness.sqlite();
                case "postgres" -> complete &= harness.postgres(postgres);
                default -> throw new IllegalArgumentException("unknown database " + database
                        + "; expected sqlite or postgres");
            }
        }
        System.exit(complete ? 0 : 1);
    }

    private boolean sqlite() {
        double raw;
        Path rawHome = TempHome.create("http-raw");
        try (Store store = Store.openLocal(rawHome)) {
            raw = raw(store);
        } finally {
            TempHome.delete(rawHome);
        }
        Path home = TempHome.create("http-server");
        try {
            return measure("SQLite", raw, () -> Store.openLocal(home), List.of("--home", home.toString()), null);
        } finally {
            TempHome.delete(home);
        }
    }

    private boolean postgres(String server) throws Exception {
        double raw;
        try (ThrowawayPostgres db = ThrowawayPostgres.create(server); Store store = Store.open(db.url())) {
            raw = raw(store);
        }
        try (ThrowawayPostgres db = ThrowawayPostgres.create(server)) {
            return measure("PostgreSQL", raw, () -> Store.open(db.url()), List.of("--db", db.url()), db.name());
        }
    }

    /** A warm-up of a tenth (not a result), then the raw rate of {@code runs} runs in the SDK's batches. */
    private double raw(Store store) {
        RawStoreIngest.runsPerSecond(store, new RawStoreIngest.Load(Math.max(1, runs / 10), RAW_BATCH, 0));
        return RawStoreIngest.runsPerSecond(store, new RawStoreIngest.Load(runs, RAW_BATCH, 0));
    }

    private interface StoreOpener {
        Store open();
    }

    /**
     * Steps 2 to 4 of the class comment; true when every run reached the store.
     *
     * @param database the PostgreSQL database's name, whose backends' CPU is counted; null for SQLite
     */
    private boolean measure(String name, double raw, StoreOpener opener, List<String> storeArgs, String database) {
        boolean postgres = database != null;
        String key;
        try (Store store = opener.open()) {
            key = store.apiKeys().create(Store.DEFAULT_WORKSPACE, "http-ingest").token();
        }
        int port = ServerProcess.freePort();
        List<String> command = new ArrayList<>(List.of(ServerProcess.java()));
        command.addAll(SERVER_FLAGS);
        command.addAll(serverOptions);
        command.addAll(SERVER_LOGGING);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.bighummingbird.cli.Bhb", "server",
                "--port", Integer.toString(port)));
        command.addAll(storeArgs);
        Path scratch = TempHome.create("http-client");
        Result result;
        try (ServerProcess server = ServerProcess.start(command, port, scratch.resolve("server.log"))) {
            server.awaitHealthy(Duration.ofSeconds(60), Duration.ofMillis(10));
            if (warmup > 0) {
                trace(server.url(), key, scratch.resolve("warmup-home"), WARMUP_PROJECT, warmup);
            }
            Duration serverCpu = ProcessCpu.of(server.pid());
            Duration clientCpu = ProcessCpu.of(ProcessHandle.current().pid());
            Duration[] dbCpu = postgres ? ProcessCpu.ofCommand("postgres", database) : null;
            result = trace(server.url(), key, scratch.resolve("home"), PROJECT, runs);
            serverCpu = ProcessCpu.of(server.pid()).minus(serverCpu);
            clientCpu = ProcessCpu.of(ProcessHandle.current().pid()).minus(clientCpu);
            Duration[] dbAfter = postgres ? ProcessCpu.ofCommand("postgres", database) : null;
            ServerProcess.RequestTotals requests = server.requestTotals("path=/api/v1/projects/" + PROJECT + "/runs ");
            int exit = server.stop();
            System.out.printf("  calls took %,d ms, close() %,d ms; server: %,d run requests (%,.0f runs each on"
                    + " average) taking %,d ms in all, exit %d after SIGTERM%n", result.callNanos / 1_000_000,
                    (result.nanos - result.callNanos) / 1_000_000, requests.requests(),
                    requests.requests() > 0 ? (double) runs / requests.requests() : 0, requests.millis(), exit);
            System.out.printf("  CPU during the measured pass (%,d ms wall, 2 cores = %,d ms): client %,d ms,"
                    + " server %,d ms%s%n", result.nanos / 1_000_000, 2 * result.nanos / 1_000_000,
                    clientCpu.toMillis(), serverCpu.toMillis(),
                    postgres ? String.format(", the database's PostgreSQL backends %,d ms, other postgres"
                            + " processes %,d ms (WAL writer, checkpointer, other databases' backends)",
                            dbAfter[0].minus(dbCpu[0]).toMillis(), dbAfter[1].minus(dbCpu[1]).toMillis()) : "");
        } finally {
            TempHome.delete(scratch);
        }
        long stored;
        try (Store store = opener.open()) {
            stored = store.projects().find(Store.DEFAULT_WORKSPACE, PROJECT).map(store.runs()::count).orElse(0L);
        }
        double rateEndToEnd = stored * 1e9 / result.nanos;
        System.out.printf("%s raw Store.insertRuns, batches of %,d: %,.0f runs/s%n", name, RAW_BATCH, raw);
        System.out.printf("%s SDK -> HTTP -> server -> store: %,d calls, %,d runs stored in %,d ms = %,.0f runs/s"
                + " = %.0f %% of raw; dropped %,d%s%n", name, runs, stored, result.nanos / 1_000_000, rateEndToEnd,
                100 * rateEndToEnd / raw, result.dropped, stored == runs ? "" : "  <-- MISSING " + (runs - stored));
        return stored == runs;
    }

    private record Result(long nanos, long callNanos, long dropped) {}

    /** Traces {@code calls} calls into the server's project; times the first call until {@code close()} returns. */
    private Result trace(String url, String key, Path home, String project, int calls) {
        BigHummingbird.Builder builder = BigHummingbird.builder(project).url(url).apiKey(key).home(home)
                .closeTimeout(Duration.ofMinutes(10)).appPackages(List.of("org.bighummingbird.bench"));
        if (rate == 0) {
            builder.queueCapacity(calls);
        }
        try (BigHummingbird bhb = builder.build()) {
            Fn2<Integer, Integer, Integer> model = bhb.trace("model", TracedModel.ADD);
            ((Traced) model).tag();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> callers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int share = calls / threads + (t < calls % threads ? 1 : 0);
                long perCaller = rate / threads;
                Thread caller = new Thread(() -> LocalStoreIngest.call(model, share, perCaller, go), "caller-" + t);
                caller.start();
                callers.add(caller);
            }
            long start = System.nanoTime();
            go.countDown();
            for (Thread caller : callers) {
                caller.join();
            }
            long called = System.nanoTime();
            bhb.close();
            return new Result(System.nanoTime() - start, called - start, bhb.droppedRuns());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String number(String text) {
        return text.replace("_", "").replace(",", "");
    }
}
