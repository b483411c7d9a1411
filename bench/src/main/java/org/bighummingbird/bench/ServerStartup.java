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
 * as users do, through the {@code bhb} launcher at the repository root (which execs
 * {@code java <its flags> -jar cli/target/bhb.jar server}), {@code --runs} times on a fresh home and
 * as often on an existing store (migrated, 100,000 runs), alternating. A first start, not counted,
 * lets the launcher make what it makes once per build (the class-data archive). With
 * {@code --flags} it runs {@code java <flags> -jar <--jar> server} instead, to compare JVM flags.
 * Cold start is the wall time from the process start until {@code GET /api/v1/health} answers 200,
 * polled every 10 ms. The server is then left idle for {@code --idle} seconds, a full GC is asked
 * for ({@code jcmd <pid> GC.run}), and the heap in use ({@code jcmd <pid> GC.heap_info}) and the
 * process's resident set ({@code VmRSS} of {@code /proc/<pid>/status}) are read. Prints every
 * measurement, then median and max per case. Exits 1 when a budget is missed.
 *
 * <pre>{@code
 * java -cp benchmarks.jar org.bighummingbird.bench.ServerStartup [--runs N] [--launcher ./bhb]
 *     [--flags "JVM flags" [--jar cli/target/bhb.jar]] [--idle SECONDS]
 * }</pre>
 */
public final class ServerStartup {
    private static final double START_BUDGET_MS = 2_000;
    private static final double HEAP_BUDGET_MB = 128;
    private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    private ServerStartup() {}

    private record Sample(double startMs, double heapUsedMb, double heapCommittedMb, double rssMb) {}

    public static void main(String[] args) throws Exception {
        int runs = 10;
        Path jar = Path.of("cli/target/bhb.jar");
        Path launcher = Path.of("bhb");
        String flags = null;
        int idle = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                case "--flags" -> flags = args[++i];
                case "--launcher" -> launcher = Path.of(args[++i]);
                case "--idle" -> idle = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; usage: ServerStartup"
                        + " [--runs N] [--launcher ./bhb] [--flags \"JVM flags\" [--jar cli/target/bhb.jar]]"
                        + " [--idle SECONDS]");
            }
        }
        List<String> server = new ArrayList<>();
        if (flags == null) {
            server.add(launcher.toAbsolutePath().toString());
        } else {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException(jar + " is not there; build it (mvn -B -q -pl bench -am package"
                        + " -DskipTests builds it too) or name it with --jar");
            }
            server.add(ServerProcess.java());
            server.addAll(Arrays.asList(flags.strip().split("\\s+")));
            server.addAll(List.of("-jar", jar.toString()));
        }
        server.add("server");
        System.out.printf("%d starts per case; java %s; server: %s; idle %d s before the GC; cores: %d%n", runs,
                Runtime.version(), String.join(" ", server), idle, Runtime.getRuntime().availableProcessors());
        ServerProcess.warmUpClient();
        Path first = TempHome.create("startup-first");
        try {
            report("first (not counted)", 0, start(server, first.resolve("home"), 0));
        } finally {
            TempHome.delete(first);
        }
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
                    fresh.add(report("fresh home", i + 1, start(server, home.resolve("home"), idle)));
                } finally {
                    TempHome.delete(home);
                }
                reopened.add(report("existing store", i + 1, start(server, existing, idle)));
            }
        } finally {
            TempHome.delete(existing);
        }
        boolean met = summary("fresh home", fresh) & summary("existing store", reopened);
        System.exit(met ? 0 : 1);
    }

    /** One start of {@code server} (the command up to {@code server}) on {@code home}. */
    private static Sample start(List<String> server, Path home, int idleSeconds) throws Exception {
        int port = ServerProcess.freePort();
        List<String> command = new ArrayList<>(server);
        command.addAll(List.of("--port", Integer.toString(port), "--home", home.toString()));
        Path log = Files.createTempFile("bhb-bench-startup-", ".log");
        try (ServerProcess process = ServerProcess.start(command, port, log)) {
            long nanos = process.awaitHealthy(Duration.ofSeconds(60), Duration.ofMillis(10));
            Thread.sleep(idleSeconds * 1_000L);
            jcmd(process.pid(), "GC.run");
            // one "total …K, used …K" line for G1, one per generation for ParallelGC and SerialGC
            Matcher heap = HEAP.matcher(jcmd(process.pid(), "GC.heap_info"));
            long totalKb = 0;
            long usedKb = 0;
            while (heap.find()) {
                totalKb += Long.parseLong(heap.group(1));
                usedKb += Long.parseLong(heap.group(2));
            }
            if (totalKb == 0) {
                throw new IllegalStateException("no heap size in the answer of jcmd GC.heap_info");
            }
            Matcher rss = RSS.matcher(Files.readString(Path.of("/proc", Long.toString(process.pid()), "status")));
            if (!rss.find()) {
                throw new IllegalStateException("no VmRSS in /proc/" + process.pid() + "/status");
            }
            return new Sample(nanos / 1e6, usedKb / 1024.0, totalKb / 1024.0,
                    Long.parseLong(rss.group(1)) / 1024.0);
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
        System.out.printf("%-19s #%-2d start %,6.0f ms; after idle + full GC: heap used %5.1f MB of %5.1f MB"
                + " committed, RSS %5.1f MB; load %s%n", what, i, s.startMs, s.heapUsedMb, s.heapCommittedMb,
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
