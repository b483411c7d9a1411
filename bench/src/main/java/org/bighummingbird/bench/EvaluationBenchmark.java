package org.bighummingbird.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.Dataset;
import org.bighummingbird.Evaluation;
import org.bighummingbird.EvaluationOptions;
import org.bighummingbird.Judge;

/**
 * Load harness for the budget "evaluation of an I/O-bound model: rows run concurrently (default
 * parallelism 32); 1,000 rows × 50 ms model ≤ 3 s", and for the evaluation's own cost per row.
 *
 * <ol>
 *   <li>I/O-bound: {@code --rows} rows (default 1,000) against a model that sleeps {@code --sleep-ms}
 *       (default 50) and a trivial code judge, with the default options (parallelism 32, a line per
 *       row, sent to a discarding stream). Wall time of {@code evaluate(...)}, {@code --trials}
 *       times (default 5) after one warm-up.</li>
 *   <li>Overhead: {@code --overhead-rows} rows (default 20,000) against an instant model
 *       ({@code x -> x}) and a trivial judge, at parallelism 1 and 32, no row lines: wall time per
 *       row, which is all evaluation machinery (paging, threads, run recording, JSON, batched
 *       writes of rows, completion).</li>
 * </ol>
 * Each phase uses a fresh temporary home on the embedded store; dataset upload is not timed.
 *
 * <pre>{@code
 * java -cp benchmarks.jar org.bighummingbird.bench.EvaluationBenchmark [--rows N] [--sleep-ms N]
 *     [--trials N] [--overhead-rows N]
 * }</pre>
 */
public final class EvaluationBenchmark {
    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream());

    private EvaluationBenchmark() {}

    public static void main(String[] args) {
        int rows = 1_000;
        long sleepMs = 50;
        int trials = 5;
        int overheadRows = 20_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i].replace("_", ""));
                case "--sleep-ms" -> sleepMs = Long.parseLong(args[++i]);
                case "--trials" -> trials = Integer.parseInt(args[++i]);
                case "--overhead-rows" -> overheadRows = Integer.parseInt(args[++i].replace("_", ""));
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; usage:"
                        + " EvaluationBenchmark [--rows N] [--sleep-ms N] [--trials N] [--overhead-rows N]");
            }
        }
        System.out.printf("cores: %d; java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.runtime.version"));
        ioBound(rows, sleepMs, trials);
        overhead(overheadRows, trials);
    }

    static Object sleepy(Object row, long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return row;
    }

    private static void ioBound(int rows, long sleepMs, int trials) {
        Path home = TempHome.create("eval-io");
        try (var bhb = BigHummingbird.local("evaluation", home)) {
            String ds = bhb.uploadDataset(Dataset.of("rows", "", IntStream.range(0, rows).boxed().toList()));
            String judge = bhb.addJudge(Judge.of("trivial", "", (Object out) -> 1.0, s -> s > 0));
            var model = bhb.trace("sleeps", (Integer row) -> (Integer) sleepy(row, sleepMs));
            long[] ms = new long[trials];
            for (int t = -1; t < trials; t++) {
                long took = timed(() -> bhb.evaluate(model, judge, ds));
                if (t >= 0) {
                    ms[t] = took;
                }
            }
            System.out.printf("I/O-bound: %,d rows x %d ms model, parallelism %d (defaults, a line per row):"
                    + " wall %s ms; median %d ms; ideal %d ms%n", rows, sleepMs, EvaluationOptions.DEFAULT_PARALLELISM,
                    Arrays.toString(ms), median(ms), (rows + 31) / 32 * sleepMs);
        } finally {
            TempHome.delete(home);
        }
    }

    private static void overhead(int rows, int trials) {
        Path home = TempHome.create("eval-overhead");
        try (var bhb = BigHummingbird.local("evaluation", home)) {
            String ds = bhb.uploadDataset(Dataset.of("rows", "", IntStream.range(0, rows).boxed().toList()));
            String judge = bhb.addJudge(Judge.of("trivial", "", (Object out) -> 1.0, s -> s > 0));
            var model = bhb.trace("instant", (Integer row) -> row);
            for (int parallelism : new int[] {1, 32}) {
                var options = EvaluationOptions.builder().parallelism(parallelism).printRows(false).build();
                List<Long> perRowNs = new ArrayList<>();
                for (int t = -1; t < trials; t++) {
                    long took = timed(() -> bhb.evaluate(model, judge, ds, options));
                    if (t >= 0) {
                        perRowNs.add(took * 1_000_000 / rows);
                    }
                }
                long[] ns = perRowNs.stream().mapToLong(Long::longValue).toArray();
                System.out.printf("overhead: %,d rows, instant model, trivial judge, parallelism %d: per row %s ns;"
                        + " median %,d ns = %,d rows/s%n", rows, parallelism, Arrays.toString(ns), median(ns),
                        1_000_000_000L / Math.max(1, median(ns)));
            }
        } finally {
            TempHome.delete(home);
        }
    }

    /** Milliseconds of one evaluation, with its console lines discarded. */
    private static long timed(java.util.function.Supplier<Evaluation> evaluation) {
        PrintStream out = System.out;
        System.setOut(DISCARD);
        long start = System.nanoTime();
        Evaluation ev;
        try {
            ev = evaluation.get();
        } finally {
            System.setOut(out);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (ev.status() != Evaluation.Status.COMPLETE) {
            throw new IllegalStateException("evaluation " + ev.id() + " is " + ev.status());
        }
        return ms;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
