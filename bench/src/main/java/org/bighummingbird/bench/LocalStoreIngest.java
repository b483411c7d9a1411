package org.bighummingbird.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.Fn2;
import org.bighummingbird.Traced;
import org.bighummingbird.store.Store;

/**
 * Load harness for the budget "ingest, SDK → local store ≥ 100,000 runs/s on 2 cores". Traces
 * {@code --runs} calls (default 1,000,000) as fast as it can from 1 and from 2 threads into the
 * embedded SQLite store of a fresh temporary home, timing from the first call until
 * {@code close()} returns, then opens the store and checks that every run is there. In the same
 * process it drives the store's own {@code insertRuns} with pre-built runs in batches of 2,048: the
 * raw rate the SDK can at best approach. A warm-up pass of {@code --warmup} runs (default a tenth)
 * comes first. {@code --queue-capacity} overrides the SDK's queue capacity: with room for every
 * run, nothing is dropped and the rate is the exporter's delivery rate alone. Exits 1 when a run is
 * missing.
 *
 * <pre>{@code
 * java -cp benchmarks.jar org.bighummingbird.bench.LocalStoreIngest [--runs N] [--threads 1,2]
 *     [--queue-capacity N] [--warmup N]
 * }</pre>
 */
public final class LocalStoreIngest {
    private static final String PROJECT = "ingest";
    private static final int RAW_BATCH = 2_048;
    private static final int PACE_CHUNK = 100;

    /** Calls per second across all callers, or 0 for as fast as possible. */
    private static long pace;

    private LocalStoreIngest() {}

    public static void main(String[] args) throws Exception {
        int runs = 1_000_000;
        int[] threadCounts = {1, 2};
        int queueCapacity = 0;
        int warmup = -1;
        long rate = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i].replace("_", "").replace(",", ""));
                case "--threads" -> threadCounts = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt)
                        .toArray();
                case "--queue-capacity" -> queueCapacity = Integer.parseInt(args[++i].replace("_", ""));
                case "--warmup" -> warmup = Integer.parseInt(args[++i].replace("_", ""));
                case "--rate" -> rate = Long.parseLong(args[++i].replace("_", ""));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: LocalStoreIngest [--runs N] [--threads 1,2] [--queue-capacity N] [--warmup N]"
                        + " [--rate CALLS_PER_SECOND]");
            }
        }
        System.out.printf("runs per measurement: %,d; queue capacity: %s; pace: %s; cores: %d; java %s%n", runs,
                queueCapacity > 0 ? String.format("%,d", queueCapacity) : "SDK default",
                rate > 0 ? String.format("%,d calls/s", rate) : "as fast as possible",
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        pace = rate;
        if (warmup < 0) {
            warmup = runs / 10;
        }
        if (warmup > 0) {
            System.out.println("warm-up pass (JIT; not a result):");
            sdk(warmup, 1, queueCapacity);
        }
        boolean complete = true;
        for (int threads : threadCounts) {
            complete &= sdk(runs, threads, queueCapacity);
        }
        complete &= raw(runs);
        System.exit(complete ? 0 : 1);
    }

    /** Traces {@code runs} calls from {@code threads} threads; true when every run reached the store. */
    private static boolean sdk(int runs, int threads, int queueCapacity) throws InterruptedException {
        Path home = TempHome.create("ingest-" + threads);
        try {
            long dropped;
            long nanos;
            BigHummingbird.Builder builder = BigHummingbird.builder(PROJECT).home(home)
                    .closeTimeout(Duration.ofMinutes(10)).appPackages(List.of("org.bighummingbird.bench"));
            if (queueCapacity > 0) {
                builder.queueCapacity(queueCapacity);
            }
            try (BigHummingbird bhb = builder.build()) {
                Fn2<Integer, Integer, Integer> model = bhb.trace("model", TracedModel.ADD);
                ((Traced) model).tag();
                CountDownLatch go = new CountDownLatch(1);
                List<Thread> callers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int share = runs / threads + (t < runs % threads ? 1 : 0);
                    long perCaller = pace / threads;
                    Thread caller = new Thread(() -> call(model, share, perCaller, go), "caller-" + t);
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
                nanos = System.nanoTime() - start;
                dropped = bhb.droppedRuns();
                System.out.printf("  calls took %,d ms, close() %,d ms; spool left %,d bytes%n",
                        (called - start) / 1_000_000, (start + nanos - called) / 1_000_000,
                        TempHome.size(home.resolve("spool")));
            }
            long stored = countRuns(home);
            System.out.printf("SDK -> local store, %d thread(s): %,d calls, %,d runs stored in %,d ms = %,.0f stored"
                    + " runs/s; dropped %,d%s%n", threads, runs, stored, nanos / 1_000_000, stored * 1e9 / nanos,
                    dropped, stored == runs ? "" : "  <-- MISSING " + (runs - stored));
            return stored == runs;
        } finally {
            TempHome.delete(home);
        }
    }

    /**
     * Makes the calls, as fast as possible or at {@code rate} calls per second: paced in chunks of
     * {@link #PACE_CHUNK} calls, parking until each chunk's due time, so pacing costs no spinning core.
     */
    static void call(Fn2<Integer, Integer, Integer> model, int calls, long rate, CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            if (rate > 0 && i % PACE_CHUNK == 0) {
                long due = start + (long) (i * 1e9 / rate);
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
            }
            model.apply(i, i + 1);
        }
    }

    private static long countRuns(Path home) {
        try (Store store = Store.openLocal(home)) {
            return store.projects().find(Store.DEFAULT_WORKSPACE, PROJECT).map(store.runs()::count).orElse(0L);
        }
    }

    /** The store's own insert path with pre-built runs ({@link RawStoreIngest}); true when every run was stored. */
    private static boolean raw(int runs) {
        Path home = TempHome.create("ingest-raw");
        try (Store store = Store.openLocal(home)) {
            double rate = RawStoreIngest.runsPerSecond(store, new RawStoreIngest.Load(runs, RAW_BATCH, 0));
            System.out.printf("raw Store.insertRuns, batches of %,d: %,d runs stored = %,.0f stored runs/s%n",
                    RAW_BATCH, runs, rate);
            return true;
        } catch (IllegalStateException e) {
            System.out.println("raw Store.insertRuns, batches of " + RAW_BATCH + ": " + e.getMessage()
                    + "  <-- MISSING");
            return false;
        } finally {
            TempHome.delete(home);
        }
    }
}
