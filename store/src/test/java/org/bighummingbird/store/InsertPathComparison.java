package org.bighummingbird.store;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bighummingbird.core.RunIds;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.VersionRegistration;

/**
 * Measures PostgreSQL insert paths against each other in one process (not a test): multi-row
 * statements, COPY through a reused staging table, COPY through a staging table dropped per batch.
 * Per round each path inserts {@code segment} new runs (~300-byte inputs and outputs) in batches,
 * then the same runs again; the order of the paths rotates every round. First into an empty
 * table (truncated before every segment), then into one pre-filled with {@code fill} runs.
 * Prints per path the median and every round of runs/s, and the client thread's CPU per run.
 *
 * <pre>{@code java -cp <store test classpath> org.bighummingbird.store.InsertPathComparison ROUNDS SEGMENT FILL}</pre>
 */
public final class InsertPathComparison {
    private InsertPathComparison() {}

    static List<RunRecord> records(int n, String key) {
        List<RunRecord> out = new ArrayList<>(n);
        long now = System.currentTimeMillis();
        String filler = "the parcel arrived late and the box was damaged; ".repeat(6);
        String summary = "The customer reports a late, damaged parcel ".repeat(7);
        for (int i = 0; i < n; i++) {
            String inputs = "{\"prompt\":\"Summarise message " + i + ": " + filler.substring(0, 230)
                    + "\",\"temperature\":0.7,\"maxTokens\":256}";
            String output = "{\"summary\":\"" + summary.substring(0, 270) + i + "\"}";
            out.add(new RunRecord(RunIds.at(now + i / 1000).toString(), "model", key, null, null,
                    (now + i / 1000) * 1000, 1_234_567, "pool-1-thread-3", inputs, output,
                    "{\"summary\":\"String\"}", null, null, null));
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int segment = Integer.parseInt(args[1]);
        long fill = Long.parseLong(args[2]);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        ThrowawayPostgres pg = new ThrowawayPostgres();
        try (Store store = Store.open(pg.url()); Database db = Database.connect(pg.url())) {
            ProjectRef project = store.project(Store.DEFAULT_WORKSPACE, "bench");
            VersionRegistration reg = new VersionRegistration("model", "k".repeat(64), "f".repeat(64), "{}", "x",
                    "source", "{}");
            store.register(project, reg);
            VersionRegistry versions = new VersionRegistry(db);
            Map<String, RunWriter> paths = new LinkedHashMap<>();
            paths.put("multi-row", new RunWriter(db, versions, new PostgresMultiRowInsert()));
            paths.put("copy-reuse", new RunWriter(db, versions, new PostgresCopyInsert(false)));
            paths.put("copy-drop", new RunWriter(db, versions, new PostgresCopyInsert(true)));
            System.out.printf("input bytes per run ~%d, output ~%d%n", records(1, reg.key()).get(0).inputsJson().length(),
                    records(1, reg.key()).get(0).outputJson().length());
            for (RunWriter w : paths.values()) {
                List<RunRecord> warm = records(20_000, reg.key());
                for (int f = 0; f < warm.size(); f += 1000) {
                    w.insert(project, warm.subList(f, f + 1000));
                    w.insert(project, warm.subList(f, f + 1000));
                }
            }
            for (String table : new String[] {"empty", "filled"}) {
                sql(db, "TRUNCATE runs");
                if (table.equals("filled")) {
                    RunWriter w = paths.get("copy-reuse");
                    for (long done = 0; done < fill; done += 100_000) {
                        List<RunRecord> chunk = records(100_000, reg.key());
                        for (int f = 0; f < chunk.size(); f += 5000) {
                            w.insert(project, chunk.subList(f, f + 5000));
                        }
                    }
                    sql(db, "VACUUM ANALYZE runs");
                    System.out.printf("table filled with %,d runs%n", store.countRuns(project));
                }
                for (int batch : new int[] {1000, 5000}) {
                    Map<String, List<Double>> fresh = new LinkedHashMap<>();
                    Map<String, List<Double>> again = new LinkedHashMap<>();
                    Map<String, List<Double>> cpuPerRun = new LinkedHashMap<>();
                    List<String> names = new ArrayList<>(paths.keySet());
                    for (int r = 0; r < rounds; r++) {
                        for (int v = 0; v < names.size(); v++) {
                            String name = names.get((v + r) % names.size());
                            RunWriter w = paths.get(name);
                            if (table.equals("empty")) {
                                sql(db, "TRUNCATE runs");
                            }
                            List<RunRecord> runs = records(segment, reg.key());
                            long c0 = cpu.getCurrentThreadCpuTime();
                            long t0 = System.nanoTime();
                            int stored = 0;
                            for (int f = 0; f < segment; f += batch) {
                                stored += w.insert(project, runs.subList(f, Math.min(segment, f + batch)));
                            }
                            long t1 = System.nanoTime();
                            long c1 = cpu.getCurrentThreadCpuTime();
                            int repeated = 0;
                            for (int f = 0; f < segment; f += batch) {
                                repeated += w.insert(project, runs.subList(f, Math.min(segment, f + batch)));
                            }
                            long t2 = System.nanoTime();
                            if (stored != segment || repeated != 0) {
                                throw new AssertionError(name + ": stored " + stored + ", repeated " + repeated);
                            }
                            fresh.computeIfAbsent(name, k -> new ArrayList<>()).add(segment * 1e9 / (t1 - t0));
                            again.computeIfAbsent(name, k -> new ArrayList<>()).add(segment * 1e9 / (t2 - t1));
                            cpuPerRun.computeIfAbsent(name, k -> new ArrayList<>()).add((c1 - c0) / 1e3 / segment);
                        }
                    }
                    for (String name : names) {
                        System.out.printf("table=%s batch=%d %-10s new %,.0f [%s]  again %,.0f [%s]  client cpu %.1f us/run%n",
                                table, batch, name, median(fresh.get(name)), all(fresh.get(name)),
                                median(again.get(name)), all(again.get(name)), median(cpuPerRun.get(name)));
                    }
                }
                System.out.printf("rows now %,d; loadavg %s%n", store.countRuns(project),
                        Files.readString(Path.of("/proc/loadavg")).trim());
            }
        } finally {
            pg.close();
        }
    }

    private static void sql(Database db, String sql) throws Exception {
        db.read(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
            return null;
        });
    }

    static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    private static String all(List<Double> xs) {
        StringBuilder sb = new StringBuilder();
        for (double x : xs) {
            sb.append(sb.length() == 0 ? "" : " ").append(String.format("%,.0f", x));
        }
        return sb.toString();
    }
}
