package org.bighummingbird.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bighummingbird.core.DatasetRow;
import org.bighummingbird.core.DatasetUpload;
import org.bighummingbird.core.Hashing;
import org.bighummingbird.core.JudgeRegistration;
import org.bighummingbird.core.RunIds;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.server.BhbServer;
import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.store.EvaluationRowView;
import org.bighummingbird.store.NewEvaluation;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;

/**
 * The dashboard's answer times over a large store: seeds {@code --runs} runs (default 1,000,000)
 * over 20 models × 10 versions and two complete evaluations of 10,000 rows, starts the server
 * without authentication in this process, and times each page over HTTP on loopback (median and
 * p95 of {@code --requests} requests after as many warm-up requests). With {@code --serve} it only
 * seeds and then serves the dashboard until killed.
 *
 * <pre>{@code
 * java -cp benchmarks.jar org.bighummingbird.bench.DashboardPages [--runs N] [--requests N]
 *     [--databases sqlite,postgres] [--postgres jdbc:postgresql://host:port/] [--serve]
 * }</pre>
 */
public final class DashboardPages {
    static final String PROJECT = "Dashboard Bench";
    static final int MODELS = 20;
    static final int VERSIONS = 10;
    static final int EVALUATION_ROWS = 10_000;
    private static final Pattern NEXT = Pattern.compile("<a class=\"next\" href=\"([^\"]+)\"");

    private DashboardPages() {}

    public static void main(String[] args) throws Exception {
        int runs = 1_000_000;
        int requests = 200;
        List<String> databases = List.of("sqlite", "postgres");
        String postgres = ThrowawayPostgres.DEFAULT_SERVER;
        boolean serve = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--databases" -> databases = Arrays.asList(args[++i].split(","));
                case "--postgres" -> postgres = args[++i];
                case "--serve" -> serve = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        for (String database : databases) {
            if (database.equals("sqlite")) {
                Path home = TempHome.create("bhb-dashboard-bench");
                try {
                    measure("SQLite", ServerConfig.builder().home(home), runs, requests, serve);
                } finally {
                    TempHome.delete(home);
                }
            } else {
                try (ThrowawayPostgres db = ThrowawayPostgres.create(postgres)) {
                    measure("PostgreSQL", ServerConfig.builder().jdbcUrl(db.url()), runs, requests, serve);
                }
            }
        }
    }

    private static void measure(String label, ServerConfig.Builder config, int runs, int requests, boolean serve)
            throws Exception {
        try (BhbServer server = BhbServer.start(config.port(0).auth(false).build())) {
            long start = System.nanoTime();
            String[] evaluations = seed(server.store(), runs);
            System.out.printf(Locale.ROOT, "%s: seeded %,d runs in %.1f s%n", label, runs, (System.nanoTime() - start) / 1e9);
            if (serve) {
                // For looking at (and screenshots of) a seeded dashboard: serves until the process is killed.
                System.out.println(server.url() + "/projects/Dashboard%20Bench/models  compare: " + server.url()
                        + "/projects/Dashboard%20Bench/evaluations/compare?a=" + evaluations[0] + "&b=" + evaluations[1]);
                Thread.sleep(Long.MAX_VALUE);
            }
            HttpClient client = HttpClient.newHttpClient();
            String base = server.url() + "/projects/Dashboard%20Bench";
            String runsFirst = get(client, base + "/runs?model=model-07&limit=100");
            Matcher next = NEXT.matcher(runsFirst);
            String deepPage = next.find() ? server.url() + next.group(1).replace("&amp;", "&") : base + "/runs";
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("projects (/)", server.url() + "/?project=" + PROJECT.replace(" ", "+"));
            pages.put("models", base + "/models");
            pages.put("model (10 versions)", base + "/models/model-07");
            pages.put("model detail (v5)", base + "/models/model-07/v5");
            pages.put("runs, first page", base + "/runs");
            pages.put("runs, model filter, 100/page", base + "/runs?model=model-07&limit=100");
            pages.put("runs, model+version+errors", base + "/runs?model=model-07&version=v5&status=error");
            pages.put("runs, second page (cursor)", deepPage);
            pages.put("runs, text search", base + "/runs?q=needle");
            pages.put("run", base + "/runs/" + firstRunId(runsFirst));
            pages.put("diff v4 → v5", base + "/models/model-07/diff?from=v4&to=v5");
            pages.put("evaluations", base + "/evaluations");
            pages.put("evaluation (10,000 rows)", base + "/evaluations/" + evaluations[0]);
            pages.put("compare (10,000 rows)", base + "/evaluations/compare?a=" + evaluations[0] + "&b=" + evaluations[1]);
            System.out.printf(Locale.ROOT, "%-32s %10s %10s%n", "page", "median ms", "p95 ms");
            for (Map.Entry<String, String> page : pages.entrySet()) {
                for (int i = 0; i < requests; i++) {
                    get(client, page.getValue());
                }
                long[] times = new long[requests];
                for (int i = 0; i < requests; i++) {
                    long t = System.nanoTime();
                    get(client, page.getValue());
                    times[i] = System.nanoTime() - t;
                }
                Arrays.sort(times);
                System.out.printf(Locale.ROOT, "%-32s %10.2f %10.2f%n", page.getKey(), times[requests / 2] / 1e6,
                        times[(int) Math.ceil(0.95 * requests) - 1] / 1e6);
            }
        }
    }

    private static String get(HttpClient client, String url) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 && r.statusCode() != 303) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static String firstRunId(String page) {
        Matcher m = Pattern.compile("/runs/([0-9a-f-]{36})\"").matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no run on the runs page");
        }
        return m.group(1);
    }

    /** The runs, spread evenly over the versions, one in 20 an error, and two evaluations; returns their ids. */
    private static String[] seed(Store store, int runs) {
        ProjectRef project = store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, PROJECT);
        List<String> keys = new ArrayList<>();
        for (int m = 0; m < MODELS; m++) {
            for (int v = 1; v <= VERSIONS; v++) {
                String name = String.format(Locale.ROOT, "model-%02d", m);
                String code = "// lambda in bench.Model\n(a, b) -> a + b + " + v + ";\n\n// bench.Model.helper(I)I\nreturn x * " + v + ";";
                String key = Hashing.sha256Hex(name + v);
                store.models().register(project, new VersionRegistration(name, key, Hashing.sha256Hex(code),
                        "{\"parameters\":[{\"name\":\"a\",\"type\":\"java.lang.Integer\"}],\"returns\":\"java.lang.Integer\"}",
                        code, "source", "{\"jvm\":{\"version\":\"17\"}}"));
                keys.add(name + "\u0000" + key);
            }
        }
        long now = System.currentTimeMillis();
        int batch = 5_000;
        List<RunRecord> pending = new ArrayList<>(batch);
        for (int i = 0; i < runs; i++) {
            String[] version = keys.get(i % keys.size()).split("\u0000");
            boolean error = i % 20 == 0;
            long at = now * 1_000 - (long) (runs - i) * 1_000;
            pending.add(new RunRecord(RunIds.at(at / 1_000).toString(), version[0], version[1], null, null, at,
                    1_000 + (i * 7919L) % 5_000_000, "caller", "{\"a\":" + i + ",\"b\":" + (i % 97) + "}",
                    error ? null : Integer.toString(i), error ? null : "\"Integer\"",
                    error ? "java.lang.IllegalStateException" : null, error ? "bad" : null, error ? "stack" : null));
            if (pending.size() == batch) {
                store.runs().insert(project, pending);
                pending.clear();
            }
        }
        if (!pending.isEmpty()) {
            store.runs().insert(project, pending);
        }
        List<DatasetRow> rows = new ArrayList<>();
        for (int i = 0; i < EVALUATION_ROWS; i++) {
            rows.add(DatasetRow.parse("\"question " + i + "\"", "\"answer " + i + "\""));
        }
        Tag dataset = store.datasets().register(project, DatasetUpload.of("questions", "bench", rows)).tag();
        String spec = "{\"kind\":\"exact\"}";
        Tag judge = store.judges().register(project, new JudgeRegistration("exact", JudgeRegistration.declarativeKey(spec),
                "exact", "exact match", spec, "", "{}")).tag();
        return new String[] {evaluate(store, project, new Tag("model-07", 4), dataset, judge, 3),
            evaluate(store, project, new Tag("model-07", 5), dataset, judge, 5)};
    }

    private static String evaluate(Store store, ProjectRef project, Tag model, Tag dataset, Tag judge, int failEvery) {
        String id = RunIds.next().toString();
        store.evaluations().create(project, new NewEvaluation(id, model, dataset, judge, 4));
        List<EvaluationRowView> rows = new ArrayList<>();
        for (int i = 0; i < EVALUATION_ROWS; i++) {
            boolean passed = i % failEvery != 0;
            rows.add(new EvaluationRowView(i, "\"question " + i + "\"", "\"out " + i + "\"", passed ? 1.0 : 0.0, passed,
                    1_000L + i, null, null));
            if (rows.size() == 1_000) {
                store.evaluations().appendRows(project, id, rows);
                rows.clear();
            }
        }
        store.evaluations().complete(project, id);
        return id;
    }
}
