package org.bighummingbird.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bighummingbird.core.RunIds;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;

/**
 * The raw rate of the store's own idempotent insert path: {@link org.bighummingbird.store.RunStore#insert} driven directly
 * with pre-built runs shaped like the SDK's, no SDK, no HTTP. Other harnesses call
 * {@link #runsPerSecond} in their own process to express their rate as a share of this one; the
 * {@code main} measures it on SQLite (a temporary home) and PostgreSQL (a throwaway database it
 * creates and drops).
 *
 * <pre>{@code
 * java -cp benchmarks.jar org.bighummingbird.bench.RawStoreIngest [--runs N] [--batch N]
 *     [--payload CHARS] [--rounds N] [--databases sqlite,postgres] [--postgres jdbc:postgresql://host:port/]
 * }</pre>
 */
public final class RawStoreIngest {
    /** The project the runs are stored in. */
    public static final String PROJECT = "raw-ingest";
    /** The model the runs belong to. */
    public static final String MODEL = "model";

    private RawStoreIngest() {}

    /**
     * What one measurement stores.
     *
     * @param runs how many runs, each new
     * @param batchSize runs per {@code insertRuns} call (the SDK's exporter and the HTTP sink send
     *     batches of a few thousand)
     * @param payloadChars 0 for the runs of {@code (Integer a, Integer b) -> a + b} (about 20-byte
     *     inputs), else the runs of a {@code String -> String} model whose input and output strings
     *     hold this many characters
     */
    public record Load(int runs, int batchSize, int payloadChars) {
        public Load {
            if (runs <= 0) {
                throw new IllegalArgumentException("runs must be positive, got " + runs);
            }
            if (batchSize <= 0) {
                throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
            }
            if (payloadChars < 0) {
                throw new IllegalArgumentException("payloadChars must not be negative, got " + payloadChars);
            }
        }
    }

    /**
     * Registers the model's version in {@link #PROJECT} (a no-op when it is there), builds
     * {@code load.runs()} new runs, then times storing them in calls of {@code load.batchSize()}.
     * Building the runs is not timed.
     *
     * @return stored runs per second
     * @throws IllegalStateException when the project did not grow by exactly {@code load.runs()}
     */
    public static double runsPerSecond(Store store, Load load) {
        ProjectRef project = store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, PROJECT);
        VersionRegistration reg = registration(load.payloadChars());
        store.models().register(project, reg);
        List<RunRecord> runs = runs(load.runs(), reg.key(), load.payloadChars());
        long before = store.runs().count(project);
        long start = System.nanoTime();
        for (int from = 0; from < runs.size(); from += load.batchSize()) {
            store.runs().insert(project, runs.subList(from, Math.min(runs.size(), from + load.batchSize())));
        }
        long nanos = System.nanoTime() - start;
        long stored = store.runs().count(project) - before;
        if (stored != load.runs()) {
            throw new IllegalStateException(store + " stored " + stored + " of " + load.runs() + " runs");
        }
        return stored * 1e9 / nanos;
    }

    /** The version the runs of {@link #runs} name. */
    static VersionRegistration registration(int payloadChars) {
        String signature = payloadChars == 0
                ? "{\"parameters\":[{\"name\":\"a\",\"type\":\"java.lang.Integer\"},{\"name\":\"b\","
                        + "\"type\":\"java.lang.Integer\"}],\"returns\":\"java.lang.Integer\"}"
                : "{\"parameters\":[{\"name\":\"text\",\"type\":\"java.lang.String\"}],"
                        + "\"returns\":\"java.lang.String\"}";
        String code = payloadChars == 0 ? "(a, b) -> a + b" : "text -> text.strip()";
        char kind = payloadChars == 0 ? 'a' : 't';
        return new VersionRegistration(MODEL, String.valueOf(kind).repeat(64), "f".repeat(64), signature, code,
                "source", "{}");
    }

    /**
     * Runs as the SDK's {@code RunSerializer} writes them: a UUIDv7 id, a root run, inputs as a JSON
     * object by parameter name, the output and its shape as JSON, the caller's thread name.
     */
    static List<RunRecord> runs(int count, String versionKey, int payloadChars) {
        List<RunRecord> out = new ArrayList<>(count);
        String text = payloadChars == 0 ? null : "lorem ipsum dolor sit amet ".repeat(payloadChars / 27 + 1);
        long now = System.currentTimeMillis();
        for (int i = 0; i < count; i++) {
            String inputs;
            String output;
            String shape;
            if (text == null) {
                inputs = "{\"a\":" + i + ",\"b\":" + (i + 1) + "}";
                output = Integer.toString(2 * i + 1);
                shape = "\"Integer\"";
            } else {
                String value = i + " " + text.substring(0, payloadChars - String.valueOf(i).length() - 1);
                inputs = "{\"text\":\"" + value + "\"}";
                output = "\"" + value.toUpperCase() + "\"";
                shape = "\"String\"";
            }
            out.add(new RunRecord(RunIds.at(now + i / 1_000).toString(), MODEL, versionKey, null, null,
                    (now + i / 1_000) * 1_000, 150, "caller-0", inputs, output, shape, null, null, null));
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        int runs = 500_000;
        int batch = 2_048;
        int payload = 0;
        int rounds = 3;
        List<String> databases = List.of("sqlite", "postgres");
        String postgres = ThrowawayPostgres.DEFAULT_SERVER;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = count(args[++i]);
                case "--batch" -> batch = count(args[++i]);
                case "--payload" -> payload = count(args[++i]);
                case "--rounds" -> rounds = count(args[++i]);
                case "--databases" -> databases = Arrays.asList(args[++i].split(","));
                case "--postgres" -> postgres = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; usage: RawStoreIngest"
                        + " [--runs N] [--batch N] [--payload CHARS] [--rounds N] [--databases sqlite,postgres]"
                        + " [--postgres jdbc:postgresql://host:port/]");
            }
        }
        Load load = new Load(runs, batch, payload);
        System.out.printf("%,d runs per round in calls of %,d, payload %s; cores: %d; java %s%n", runs, batch,
                payload == 0 ? "(a, b) -> a + b" : payload + " chars", Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        for (String database : databases) {
            switch (database.strip()) {
                case "sqlite" -> {
                    Path home = TempHome.create("raw");
                    try (Store store = Store.openLocal(home)) {
                        report("SQLite", store, load, rounds);
                    } finally {
                        TempHome.delete(home);
                    }
                }
                case "postgres" -> {
                    try (ThrowawayPostgres db = ThrowawayPostgres.create(postgres); Store store = Store.open(db.url())) {
                        report("PostgreSQL", store, load, rounds);
                    }
                }
                default -> throw new IllegalArgumentException("unknown database " + database
                        + "; expected sqlite or postgres");
            }
        }
    }

    /** A warm-up of a tenth of the load (not a result), then {@code rounds} measurements and their median. */
    private static void report(String name, Store store, Load load, int rounds) {
        runsPerSecond(store, new Load(Math.max(1, load.runs() / 10), load.batchSize(), load.payloadChars()));
        double[] rates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            rates[r] = runsPerSecond(store, load);
            System.out.printf("%s raw Store.insertRuns, round %d: %,.0f runs/s%n", name, r + 1, rates[r]);
        }
        Arrays.sort(rates);
        double median = rounds % 2 == 1 ? rates[rounds / 2] : (rates[rounds / 2 - 1] + rates[rounds / 2]) / 2;
        System.out.printf("%s raw Store.insertRuns: median %,.0f runs/s over %d rounds (%,d runs stored in all)%n",
                name, median, rounds, store.runs().count(store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, PROJECT)));
    }

    private static int count(String text) {
        return Integer.parseInt(text.replace("_", "").replace(",", ""));
    }
}
