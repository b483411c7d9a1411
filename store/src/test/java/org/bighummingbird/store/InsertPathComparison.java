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
 * Prints per path the median and every round of runs/s, and the median CPU per new run of the
 * client thread and of the database's server processes (from {@code /proc}, so the server must be
 * local; contention from other work on the machine changes CPU time less than wall time).
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
                    Map<String, List<Double>> serverCpuPerRun = new LinkedHashMap<>();
                    Map<String, List<Double>> againCpuPerRun = new LinkedHashMap<>();
                    Map<String, List<Double>> againServerCpuPerRun = new LinkedHashMap<>();
                    List<String> names = new ArrayList<>(paths.keySet());
                    for (int r = 0; r < rounds; r++) {
                        for (int v = 0; v < names.size(); v++) {
                            String name = names.get((v + r) % names.size());
                            RunWriter w = paths.get(name);
                            if (table.equals("empty")) {
                                sql(db, "TRUNCATE runs");
                            }
                            List<RunRecord> runs = records(segment, reg.key());
                            long s0 = serverCpuTicks(db);
                            long c0 = cpu.getCurrentThreadCpuTime();
                            long t0 = System.nanoTime();
                            int stored = 0;
                            for (int f = 0; f < segment; f += batch) {
                                stored += w.insert(project, runs.subList(f, Math.min(segment, f + batch)));
                            }
                            long t1 = System.nanoTime();
                            long c1 = cpu.getCurrentThreadCpuTime();
                            long s1 = serverCpuTicks(db);
                            long c1b = cpu.getCurrentThreadCpuTime();
                            long t1b = System.nanoTime();
                            int repeated = 0;
                            for (int f = 0; f < segment; f += batch) {
                                repeated += w.insert(project, runs.subList(f, Math.min(segment, f + batch)));
                            }
                            long t2 = System.nanoTime();
                            long c2 = cpu.getCurrentThreadCpuTime();
                            long s2 = serverCpuTicks(db);
                            if (stored != segment || repeated != 0) {
                                throw new AssertionError(name + ": stored " + stored + ", repeated " + repeated);
                            }
                            fresh.computeIfAbsent(name, k -> new ArrayList<>()).add(segment * 1e9 / (t1 - t0));
                            again.computeIfAbsent(name, k -> new ArrayList<>()).add(segment * 1e9 / (t2 - t1b));
                            cpuPerRun.computeIfAbsent(name, k -> new ArrayList<>()).add((c1 - c0) / 1e3 / segment);
                            serverCpuPerRun.computeIfAbsent(name, k -> new ArrayList<>()).add((s1 - s0) * 1e4 / segment);
                            againCpuPerRun.computeIfAbsent(name, k -> new ArrayList<>()).add((c2 - c1b) / 1e3 / segment);
                            againServerCpuPerRun.computeIfAbsent(name, k -> new ArrayList<>()).add((s2 - s1) * 1e4 / segment);
                        }
                    }
                    for (String name : names) {
                        System.out.printf("table=%s batch=%d %-10s new %,.0f [%s]  again %,.0f [%s]  CPU us/run new %.1f+%.1f again %.1f+%.1f (client+server)%n",
                                table, batch, name, median(fresh.get(name)), all(fresh.get(name)),
                                median(again.get(name)), all(again.get(name)), median(cpuPerRun.get(name)),
                                median(serverCpuPerRun.get(name)), median(againCpuPerRun.get(name)),
                                median(againServerCpuPerRun.get(name)));
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

    /** User and system CPU, in clock ticks (1/100 s), of the server processes serving this database. */
    private static long serverCpuTicks(Database db) throws Exception {
        List<Integer> pids = db.read(c -> {
            List<Integer> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                    java.sql.ResultSet rs = s.executeQuery(
                            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()")) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
            return out;
        });
        long ticks = 0;
        for (int pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (java.io.IOException e) {
                // the backend ended meanwhile
            }
        }
        return ticks;
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
