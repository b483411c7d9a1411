package org.bighummingbird.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bighummingbird.store.Store;

/**
 * Benchmark for the budget "server: cold start < 2 s; idle heap < 128 MB". Starts {@code bhb server}
 * as users do ({@code java <the launcher's flags> -jar cli/target/bhb.jar server}) {@code --runs}
 * times on a fresh home and as often on an existing store (migrated, 100,000 runs), alternating.
 * Cold start is the wall time from the process start until {@code GET /api/v1/health} answers 200,
 * polled every 10 ms. The server is then left idle for {@code --idle} seconds, a full GC is asked
 * for ({@code jcmd <pid> GC.run}), and the heap in use ({@code jcmd <pid> GC.heap_info}) and the
 * process's resident set ({@code VmRSS} of {@code /proc/<pid>/status}) are read. Prints every
 * measurement, then median and max per case. Exits 1 when a budget is missed.
 *
 * <pre>{@code
 * java -cp benchmarks.jar org.bighummingbird.bench.ServerStartup [--runs N] [--jar cli/target/bhb.jar]
 *     [--flags "-Xshare:auto"] [--idle SECONDS]
 * }</pre>
 */
public final class ServerStartup {
    /** The JVM flags the {@code bhb} launcher gives {@code server}; keep in step with the script. */
    static final String LAUNCHER_FLAGS = "-Xshare:auto";
    private static final double START_BUDGET_MS = 2_000;
    private static final double HEAP_BUDGET_MB = 128;
    private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    private ServerStartup() {}

    private record Sample(double startMs, double heapUsedMb, double heapCommittedMb, double rssMb) {}

    public static void main(String[] args) throws Exception {
        int runs = 10;
        Path jar = Path.of("cli/target/bhb.jar");
        String flags = LAUNCHER_FLAGS;
        int idle = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                case "--flags" -> flags = args[++i];
                case "--idle" -> idle = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; usage: ServerStartup"
                        + " [--runs N] [--jar cli/target/bhb.jar] [--flags \"JVM flags\"] [--idle SECONDS]");
            }
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " is not there; build it (mvn -B -q -pl bench -am package"
                    + " -DskipTests builds it too) or name it with --jar");
        }
        System.out.printf("%d starts per case; java %s; server: java %s -jar %s server; idle %d s before the GC;"
                + " cores: %d%n", runs, Runtime.version(), flags, jar, idle, Runtime.getRuntime().availableProcessors());
        ServerProcess.warmUpClient();
        Path existing = TempHome.create("startup-existing");
        List<Sample> fresh = new ArrayList<>();
        List<Sample> reopened = new ArrayList<>();
        try {
            try (Store store = Store.openLocal(existing)) {
                RawStoreIngest.runsPerSecond(store, new RawStoreIngest.Load(100_000, 2_048, 0));
            }
            for (int i = 0; i < runs; i++) {
                Path home = TempHome.create("startup-fresh");
                try {
                    fresh.add(report("fresh home", i, start(jar, flags, home.resolve("home"), idle)));
                } finally {
                    TempHome.delete(home);
                }
                reopened.add(report("existing store", i, start(jar, flags, existing, idle)));
            }
        } finally {
            TempHome.delete(existing);
        }
        boolean met = summary("fresh home", fresh) & summary("existing store", reopened);
        System.exit(met ? 0 : 1);
    }

    private static Sample start(Path jar, String flags, Path home, int idleSeconds) throws Exception {
        int port = ServerProcess.freePort();
        List<String> command = new ArrayList<>(List.of(ServerProcess.java()));
        command.addAll(Arrays.asList(flags.strip().split("\\s+")));
        command.addAll(List.of("-jar", jar.toString(), "server", "--port", Integer.toString(port), "--home",
                home.toString()));
        Path log = Files.createTempFile("bhb-bench-startup-", ".log");
        try (ServerProcess server = ServerProcess.start(command, port, log)) {
            long nanos = server.awaitHealthy(Duration.ofSeconds(60), Duration.ofMillis(10));
            Thread.sleep(idleSeconds * 1_000L);
            jcmd(server.pid(), "GC.run");
            Matcher heap = HEAP.matcher(jcmd(server.pid(), "GC.heap_info"));
            if (!heap.find()) {
                throw new IllegalStateException("no heap size in the answer of jcmd GC.heap_info");
            }
            Matcher rss = RSS.matcher(Files.readString(Path.of("/proc", Long.toString(server.pid()), "status")));
            if (!rss.find()) {
                throw new IllegalStateException("no VmRSS in /proc/" + server.pid() + "/status");
            }
            return new Sample(nanos / 1e6, Long.parseLong(heap.group(2)) / 1024.0,
                    Long.parseLong(heap.group(1)) / 1024.0, Long.parseLong(rss.group(1)) / 1024.0);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + out);
        }
        return out;
    }

    private static Sample report(String what, int i, Sample s) {
        System.out.printf("%-14s #%-2d start %,6.0f ms; after idle + full GC: heap used %5.1f MB of %5.1f MB"
                + " committed, RSS %5.1f MB; load %s%n", what, i + 1, s.startMs, s.heapUsedMb, s.heapCommittedMb,
                s.rssMb, loadAverage());
        return s;
    }

    private static boolean summary(String what, List<Sample> samples) {
        double[] start = samples.stream().mapToDouble(Sample::startMs).sorted().toArray();
        double[] heap = samples.stream().mapToDouble(Sample::heapUsedMb).sorted().toArray();
        double[] committed = samples.stream().mapToDouble(Sample::heapCommittedMb).sorted().toArray();
        double[] rss = samples.stream().mapToDouble(Sample::rssMb).sorted().toArray();
        System.out.printf("%s, %d starts: start median %,.0f ms, max %,.0f ms (budget < 2,000); idle heap used"
                + " median %.1f MB, max %.1f MB (budget < 128); heap committed median %.1f MB; RSS median %.1f MB,"
                + " max %.1f MB%n", what, samples.size(), median(start), start[start.length - 1], median(heap),
                heap[heap.length - 1], median(committed), median(rss), rss[rss.length - 1]);
        return median(start) < START_BUDGET_MS && heap[heap.length - 1] < HEAP_BUDGET_MB;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
