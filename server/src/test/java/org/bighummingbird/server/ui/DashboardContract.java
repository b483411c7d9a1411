package org.bighummingbird.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bighummingbird.server.ui.DashboardSeed.ESCAPED;
import static org.bighummingbird.server.ui.DashboardSeed.HOSTILE;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.server.BhbServer;
import org.bighummingbird.server.Http;
import org.bighummingbird.server.Http.Reply;
import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dashboard's pages over real HTTP on a server without authentication (as {@code bhb ui}):
 * every page renders, hostile values are escaped, bad parameters are 4xx HTML pages, another
 * workspace's ids are 404, runs page through every run exactly once. Subclasses pick the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DashboardContract {
    static final Pattern NEXT = Pattern.compile("<a class=\"next\" href=\"([^\"]+)\"");
    static final Pattern RUN_LINK = Pattern.compile("href=\"/projects/Concept%20Project/runs/([0-9a-f-]{36})\"");

    BhbServer server;
    Http http;
    DashboardSeed seed;
    DashboardSeed other;
    String base = "/projects/Concept%20Project";

    abstract ServerConfig.Builder storeConfig() throws Exception;

    @BeforeAll
    void start() throws Exception {
        server = BhbServer.start(storeConfig().port(0).auth(false).build());
        http = new Http(server.url(), null);
        seed = new DashboardSeed(server.store(), Store.DEFAULT_WORKSPACE, DashboardSeed.PROJECT);
        other = new DashboardSeed(server.store(), "other-workspace", "Secret Project");
        server.store().projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Second Project");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    Reply page(String path) {
        Reply reply = http.get(path);
        assertThat(reply.status()).as("%s: %s", path, reply).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/html");
        return reply;
    }

    static void assertErrorPage(Reply reply, int status, String mentions) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("text/html");
        assertThat(reply.body()).contains(mentions).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain(HOSTILE);
    }

    @Test
    void projectListShowsTotalsAndTheSwitcherGoesToAProject() {
        String body = page("/").body();
        assertThat(body).contains("Concept Project").contains("Second Project").doesNotContain("Secret Project");
        assertThat(body).contains(">" + (DashboardSeed.RUNS + 3) + "<");
        Reply go = http.get("/?project=Concept+Project");
        assertThat(go.status()).isEqualTo(303);
        assertThat(go.headers().firstValue("Location")).hasValue(base + "/models");
        assertErrorPage(http.get("/?project=Secret+Project"), 404, "no project");
        assertThat(http.get(base).status()).isEqualTo(303);
    }

    @Test
    void everyPageRenders() {
        List<String> paths = List.of(base + "/models", base + "/models/bot", base + "/models/bot/v1",
                base + "/models/bot/v2", base + "/models/bot/diff?from=v1&to=v2", base + "/runs",
                base + "/runs/" + seed.child.id(), base + "/evaluations", base + "/evaluations/" + seed.evaluationA,
                base + "/evaluations/compare?a=" + seed.evaluationA + "&b=" + seed.evaluationB, base + "/datasets",
                base + "/datasets/faq/v1", base + "/judges", base + "/judges/matcher/v1");
        for (String path : paths) {
            Reply reply = page(path);
            assertThat(reply.body()).as(path).contains("<!DOCTYPE html>").contains("/assets/htmx-2.0.11.min.js")
                    .contains("href=\"/settings/keys\"").doesNotContain("<script>alert(1)</script>");
            assertThat(reply.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
    }

    @Test
    void aRunPageShowsTheRunsAttributesEscaped() {
        var project = server.store().projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Attributes Project");
        var registration = new org.bighummingbird.core.VersionRegistration("chat", "k".repeat(64), "f".repeat(64),
                "{\"parameters\":[],\"returns\":\"java.lang.String\"}", "// chat", "source", "{}");
        server.store().models().register(project, registration);
        RunRecord run = new RunRecord(org.bighummingbird.core.RunIds.next().toString(), "chat", "k".repeat(64), null,
                null, 1_764_000_000_000_000L, 1234, "main", "{}", "\"hi\"", "\"String\"", null, null, null)
                .withAttributes("{\"gen_ai.usage.input_tokens\":12,\"note\":\"" + HOSTILE.replace("\"", "\\\"") + "\"}");
        server.store().runs().insert(project, List.of(run));

        String body = page("/projects/Attributes%20Project/runs/" + run.id()).body();

        assertThat(body).contains("<h2>Attributes</h2>").contains("gen_ai.usage.input_tokens").contains(ESCAPED)
                .doesNotContain(HOSTILE);
        assertThat(page(base + "/runs/" + seed.runs.get(1).id()).body()).doesNotContain("<h2>Attributes</h2>");
    }

    @Test
    void hostileValuesShowAsText() {
        assertThat(page(base + "/runs").body()).contains("{\"q\":\"" + ESCAPED + "\"}")
                .contains("answer 4 " + ESCAPED);
        RunRecord hostileRun = seed.runs.get(3);
        assertThat(page(base + "/runs/" + hostileRun.id()).body()).contains(ESCAPED);
        RunRecord errorRun = seed.runs.get(0);
        assertThat(page(base + "/runs/" + errorRun.id()).body()).contains("bad " + ESCAPED);
        assertThat(page(base + "/models/bot/v2").body()).contains(ESCAPED.replace("&lt;", "&lt;"));
        assertThat(page(base + "/models/bot/diff?from=v1&to=v2").body()).contains(ESCAPED);
        assertThat(page(base + "/datasets/faq/v1").body()).contains("questions " + ESCAPED);
        assertThat(page(base + "/judges/matcher/v1").body()).contains("exact match " + ESCAPED);
        assertThat(page(base + "/evaluations/" + seed.evaluationA).body()).contains("model threw " + ESCAPED);
    }

    @Test
    void modelPagesShowRollupsAndTheDetail() {
        String versions = page(base + "/models/bot").body();
        assertThat(versions).contains("bot:v1").contains("bot:v2").contains("<svg").contains("diff v1");
        String detail = page(base + "/models/bot/v1").body();
        assertThat(detail).contains("(java.lang.String q) -&gt; java.lang.Integer").contains(DashboardSeed.key(1))
                .contains("jvm.version").contains("17.0.1").contains("<span class=\"kw\">return</span>")
                .contains("Latency histogram").contains("p50 ").contains(seed.evaluationA.substring(0, 8)).isNotEmpty();
        assertThat(detail).contains("\"String\""); // an observed output shape
    }

    @Test
    void diffShowsTheChangedHelperAndEnvironment() {
        String diff = page(base + "/models/bot/diff?from=v1&to=v2").body();
        assertThat(diff).contains("com.acme.Bot.clean(Ljava/lang/String;)Ljava/lang/String;</code></td><td>changed")
                .contains("lambda in com.acme.Bot</code></td><td>same").contains("libraries.jackson")
                .contains("class=\"del\"").contains("class=\"add\"");
    }

    @Test
    void runPageShowsTheTraceTree() {
        String body = page(base + "/runs/" + seed.grandchild.id()).body();
        assertThat(body).contains("depth-0").contains("depth-1").contains("depth-2 current")
                .contains(seed.root.id()).contains("9.00 ms");
    }

    @Test
    void runsPageThroughEveryRunOnceNewestFirst() {
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String path = base + "/runs?limit=4";
        int pages = 0;
        while (path != null) {
            String body = page(path).body();
            Matcher runs = RUN_LINK.matcher(body);
            while (runs.find()) {
                if (seen.add(runs.group(1))) {
                    order.add(runs.group(1));
                }
            }
            Matcher next = NEXT.matcher(body);
            path = next.find() ? next.group(1).replace("&amp;", "&") : null;
            assertThat(++pages).isLessThan(20);
        }
        assertThat(seen).hasSize(DashboardSeed.RUNS + 3);
        assertThat(order.get(0)).isEqualTo(seed.grandchild.id());
        assertThat(pages).isEqualTo(7);
    }

    @Test
    void runFiltersNarrowTheList() {
        String errors = page(base + "/runs?status=error").body();
        assertThat(count(RUN_LINK, errors)).isEqualTo(5);
        String v2 = page(base + "/runs?model=bot&version=v2").body();
        assertThat(count(RUN_LINK, v2)).isEqualTo(12);
        String search = page(base + "/runs?q=SCRIPT").body();
        assertThat(count(RUN_LINK, search)).isEqualTo(2); // one input, one output; error messages are not searched
        String percent = page(base + "/runs?q=%25").body();
        assertThat(count(RUN_LINK, percent)).isZero();
        String range = page(base + "/runs?from=2026-01-01&to=2026-01-02").body();
        assertThat(count(RUN_LINK, range)).isZero();
        assertThat(count(RUN_LINK, page(base + "/runs?passed=yes").body())).isZero();
    }

    @Test
    void evaluationPagesFilterAndCompare() {
        String failed = page(base + "/evaluations/" + seed.evaluationA + "?show=failed").body();
        assertThat(failed).contains("q2").contains("q5").doesNotContain("\"q0\"");
        String errors = page(base + "/evaluations/" + seed.evaluationA + "?show=errors").body();
        assertThat(errors).contains("q5").doesNotContain("\"q2\"");
        String compare = page(base + "/evaluations/compare?a=" + seed.evaluationA + "&b=" + seed.evaluationB).body();
        assertThat(compare).contains("1 regressions").contains("1 improvements").contains("diff the code");
        String regressions = page(base + "/evaluations/compare?a=" + seed.evaluationA + "&b=" + seed.evaluationB
                + "&show=regressions").body();
        assertThat(regressions).contains("\"q1" + ESCAPED + "\"").doesNotContain("\"q2\"");
        Reply picked = http.get(base + "/evaluations/compare?id=" + seed.evaluationB + "&id=" + seed.evaluationA);
        assertThat(picked.status()).isEqualTo(303);
        assertThat(picked.headers().firstValue("Location").orElseThrow())
                .endsWith("a=" + seed.evaluationA + "&b=" + seed.evaluationB);
        assertThat(page(base + "/evaluations?model=bot:v2").body()).contains(seed.evaluationB).doesNotContain(seed.evaluationA);
        assertThat(page(base + "/evaluations?judge=matcher&dataset=faq:v1").body()).contains(seed.evaluationB)
                .contains(seed.evaluationA);
    }

    @Test
    void comparisonRowsArePagedByRowIndexWithTheCountsOfAllRows() {
        String compare = base + "/evaluations/compare?a=" + seed.evaluationA + "&b=" + seed.evaluationB;
        String first = page(compare + "&limit=2").body();
        assertThat(first).contains("1 regressions").contains("1 improvements").contains("4 unchanged")
                .contains("\"q0\"").doesNotContain("\"q2\"").contains("from=2&amp;limit=2");
        String second = page(compare + "&from=2&limit=2").body();
        assertThat(second).contains("1 regressions").contains("\"q2\"").contains("\"q3\"")
                .doesNotContain("\"q0\"").doesNotContain("\"q4\"").contains("from=4&amp;limit=2");
        String last = page(compare + "&from=4&limit=2").body();
        assertThat(last).contains("\"q5\"").doesNotContain("class=\"next\"");
        assertThat(page(compare + "&show=regressions&from=2").body()).contains("No row here.");
        assertThat(page(compare + "&show=improvements&from=2&limit=1").body()).contains("\"q2\"")
                .doesNotContain("class=\"next\"");
        assertErrorPage(http.get(compare + "&from=-1"), 400, "from must be a row index");
        assertErrorPage(http.get(compare + "&from=99999999999"), 400, "from must be a row index");
    }

    @Test
    void aBrowserGetsTheHtmlNotFoundPageAndApiClientsTheProblem() {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        for (String path : List.of(base + "/nope", "/nope", "/projects/Nope/nope/deeper", "/nope%3Cb%3E")) {
            Reply html = http.send("GET", path, null, "Accept", browser);
            assertErrorPage(html, 404, "no page");
            assertThat(html.body()).contains("Back to the projects").doesNotContain("<b>");
            assertThat(html.headers().firstValue("Content-Security-Policy")).isPresent();
            assertThat(html.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            Reply api = http.send("GET", path, null, "Accept", "application/json");
            assertThat(api.status()).isEqualTo(404);
            assertThat(api.contentType()).startsWith("application/problem+json");
            assertThat(api.json().get("detail").asText()).startsWith("no route GET");
            assertThat(http.get(path).contentType()).startsWith("application/problem+json");
        }
        for (String path : List.of("/api/v1/nope", "/api/nope", "/api")) {
            Reply api = http.send("GET", path, null, "Accept", browser);
            assertThat(api.status()).as(path).isEqualTo(404);
            assertThat(api.contentType()).as(path).startsWith("application/problem+json");
        }
        // a page's own 404 keeps its message
        assertErrorPage(http.send("GET", base + "/models/nobody", null, "Accept", browser), 404, "no model");
    }

    @Test
    void datasetDownloadsAsJsonLines() throws Exception {
        Reply reply = http.get(base + "/datasets/faq/v1/rows.jsonl");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/x-ndjson");
        String[] lines = reply.body().split("\n");
        assertThat(lines).hasSize(6);
        assertThat(Http.JSON.readTree(lines[0]).toString()).isEqualTo("{\"index\":0,\"input\":\"q0\",\"expected\":\"a0\"}");
    }

    @Test
    void badParametersAreClearClientErrors() {
        assertErrorPage(http.get(base + "/runs?limit=1000000000"), 400, "limit must be 1 to 500");
        assertErrorPage(http.get(base + "/runs?limit=501"), 400, "limit must be 1 to 500");
        assertErrorPage(http.get(base + "/runs?limit=abc"), 400, "limit must be a whole number");
        assertErrorPage(http.get(base + "/runs?cursor=AAAA" + "%3Cscript%3E"), 400, "cursor");
        assertErrorPage(http.get(base + "/runs?cursor=" + "x".repeat(300)), 400, "cursor");
        assertErrorPage(http.get(base + "/runs?status=maybe"), 400, "status must be one of ok, error");
        assertErrorPage(http.get(base + "/runs?version=v2"), 400, "version needs a model");
        assertErrorPage(http.get(base + "/runs?model=bot&version=v99"), 404, "no version bot:v99");
        assertErrorPage(http.get(base + "/runs?from=yesterday"), 400, "from must be a date");
        assertErrorPage(http.get(base + "/runs?from=2026-02-01&to=2026-01-01"), 400, "from must not be after to");
        assertErrorPage(http.get(base + "/runs?q=" + "a".repeat(201)), 400, "q must be at most 200");
        assertErrorPage(http.get(base + "/runs?model=%3Cscript%3E"), 400, "model is not a valid name");
        assertErrorPage(http.get(base + "/models/bot/v99"), 404, "no version bot:v99");
        assertErrorPage(http.get(base + "/models/bot/v0"), 400, "version must be a version");
        assertErrorPage(http.get(base + "/models/bot/latest"), 400, "version must be a version");
        assertErrorPage(http.get(base + "/models/nobody"), 404, "no model");
        assertErrorPage(http.get(base + "/models/bot/diff?from=v1"), 400, "to is required");
        assertErrorPage(http.get(base + "/models/bot/diff?from=v1&to=v7"), 404, "no version bot:v7");
        assertErrorPage(http.get(base + "/runs/" + "r".repeat(37)), 400, "run id must be 1 to 36");
        assertErrorPage(http.get(base + "/runs/no-such-run"), 404, "no run");
        assertErrorPage(http.get(base + "/evaluations/not-an-id"), 400, "evaluation id must be");
        assertErrorPage(http.get(base + "/evaluations/" + seed.evaluationA + "?from=-1"), 400, "from must be a row index");
        assertErrorPage(http.get(base + "/evaluations/" + seed.evaluationA + "?show=%3Cscript%3E"), 400, "show must be one of");
        assertErrorPage(http.get(base + "/evaluations/compare?a=" + seed.evaluationA), 400, "b is required");
        assertErrorPage(http.get(base + "/evaluations/compare?id=" + seed.evaluationA), 400, "exactly two");
        assertErrorPage(http.get(base + "/evaluations?model=bot:vx"), 400, "model must be a version");
        assertErrorPage(http.get(base + "/datasets/faq/v2"), 404, "no dataset version faq:v2");
        assertErrorPage(http.get(base + "/datasets/faq/v1?limit=0"), 400, "limit must be 1 to 500");
        assertErrorPage(http.get(base + "/judges/matcher/v3"), 404, "no judge version matcher:v3");
        assertErrorPage(http.get("/projects/Nope/models"), 404, "no project");
        assertErrorPage(http.get("/projects/%3Cscript%3Ealert(1)%3C%2Fscript%3E/models"), 404, "no project");
    }

    @Test
    void anotherWorkspacesDataIsNotFound() {
        assertErrorPage(http.get("/projects/Secret%20Project/models"), 404, "no project");
        assertErrorPage(http.get("/projects/Secret%20Project/runs/" + other.root.id()), 404, "no project");
        assertErrorPage(http.get(base + "/runs/" + other.root.id()), 404, "no run");
        assertErrorPage(http.get(base + "/evaluations/" + other.evaluationA), 404, "no evaluation");
        assertErrorPage(http.get(base + "/evaluations/compare?a=" + other.evaluationA + "&b=" + seed.evaluationB), 404,
                "evaluation");
    }

    @Test
    void assetsAreServedWithLongCaching() {
        Reply htmx = http.get("/assets/htmx-2.0.11.min.js");
        assertThat(htmx.status()).isEqualTo(200);
        assertThat(htmx.contentType()).startsWith("text/javascript");
        assertThat(htmx.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(htmx.body()).contains("htmx");
        assertThat(http.get("/assets/bhb-1.css").status()).isEqualTo(200);
        assertThat(http.get("/assets/bhb-1.js").status()).isEqualTo(200);
        assertThat(http.get("/assets/..%2Fui%2FPages.class").status()).isEqualTo(404);
        assertThat(http.get("/assets/nothing.js").status()).isEqualTo(404);
    }

    @Test
    void restApiIsUntouched() {
        Reply health = http.get("/api/v1/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.contentType()).startsWith("application/json");
        assertThat(http.get("/api/v1/nothing").problem()).isNotNull();
    }

    static int count(Pattern p, String body) {
        Matcher m = p.matcher(body);
        Set<String> ids = new HashSet<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids.size();
    }
}
