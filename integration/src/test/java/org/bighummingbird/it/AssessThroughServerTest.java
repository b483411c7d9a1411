package org.bighummingbird.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.Fn2;
import org.bighummingbird.Judge;
import org.bighummingbird.JudgeUnavailable;
import org.bighummingbird.cli.Bhb;
import org.bighummingbird.core.RunAssessment;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.server.BhbServer;
import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.RunQuery;
import org.bighummingbird.store.RunView;
import org.bighummingbird.store.Store;
import org.bighummingbird.store.ThrowawayPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Assess mode through a real server (SQLite and PostgreSQL): {@code bhb.assess(judgeTag).trace(…)}
 * with {@code url} set stores judge, score and passed on every run, for a declarative judge and a
 * code judge; a judge that throws leaves its error and no score; {@code bhb runs --json} through the
 * API prints what it prints from the server's store file.
 */
class AssessThroughServerTest {
    private static final String PROJECT = "Assessed - Support 日本";
    private static final String WORKSPACE = "assessors";
    private static final int CALLS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The code judge: the sum is the score; a multiple of 7 makes it throw. */
    static double picky(int sum) {
        if (sum % 7 == 0) {
            throw new IllegalStateException("unlucky " + sum);
        }
        return sum;
    }

    @Test
    void onSqlite() throws Exception {
        Path serverHome = dir.resolve("server");
        try (BhbServer server = BhbServer.start(ServerConfig.builder().port(0).home(serverHome).build())) {
            String key = assessEverything(server, Store.DEFAULT_WORKSPACE);
            Result local = bhb(List.of("runs", "--json", "--limit", "100", "--home", serverHome.toString()), null,
                    null);
            Result remote = bhb(List.of("runs", "--json", "--limit", "100"), server.url(), key);
            assertThat(local.exit).as(local.err).isZero();
            assertThat(remote.exit).as(remote.err).isZero();
            assertThat(remote.out).isEqualTo(local.out);
            JsonNode runs = JSON.readTree(remote.out);
            assertThat(runs).hasSize(2 * CALLS);
            for (JsonNode run : runs) {
                assertThat(run.get("judgeTag").asText()).isIn("even:v1", "picky:v1");
                assertThat(run.get("score").isNull()).isEqualTo(!run.get("judgeError").isNull());
            }
        }
    }

    @Test
    void onPostgres() throws Exception {
        try (ThrowawayPostgres database = new ThrowawayPostgres();
                BhbServer server = BhbServer.start(ServerConfig.builder().port(0).jdbcUrl(database.url()).build())) {
            assessEverything(server, WORKSPACE);
        }
    }

    private String assessEverything(BhbServer server, String workspace) {
        String key = server.store().apiKeys().create(workspace, "assessors").token();
        String declarative;
        String code;
        try (BigHummingbird bhb = BigHummingbird.builder(PROJECT).url(server.url()).apiKey(key)
                .home(dir.resolve("client-" + workspace)).build()) {
            declarative = bhb.addJudge(Judge.regex("even", "[02468]$"));
            code = bhb.addJudge(Judge.of("picky", "the sum, failing on multiples of 7",
                    (Integer out) -> picky(out), s -> s > 10));
            assertThatThrownBy(() -> bhb.assess("nobody:v1")).isInstanceOf(JudgeUnavailable.class);
            assertThatThrownBy(() -> bhb.assess("even:v2")).isInstanceOf(JudgeUnavailable.class);

            Fn2<Integer, Integer, Integer> byRegex = bhb.assess(declarative).trace("sum by regex",
                    (Integer a, Integer b) -> a + b);
            Fn2<Integer, Integer, Integer> byCode = bhb.assess(code).trace("sum by code",
                    (Integer a, Integer b) -> a + b);
            for (int i = 1; i <= CALLS; i++) {
                assertThat(byRegex.apply(i, 0)).isEqualTo(i);
                assertThat(byCode.apply(i, 0)).isEqualTo(i);
            }
            assertThat(bhb.flush(Duration.ofSeconds(30))).isTrue();
        }

        Store store = server.store();
        ProjectRef project = store.projects().find(workspace, PROJECT).orElseThrow();
        String declarativeId = store.judges().find(project, TagReference.parse(declarative)).orElseThrow().id();
        String codeId = store.judges().find(project, TagReference.parse(code)).orElseThrow().id();
        List<RunView> runs = store.runs().list(project, RunQuery.newest(100));
        assertThat(runs).hasSize(2 * CALLS);
        Map<String, Integer> byJudge = new HashMap<>();
        List<String> errors = new ArrayList<>();
        for (RunView run : runs) {
            int sum = Integer.parseInt(run.outputJson());
            RunAssessment a = store.runs().assessment(project, run.id()).orElseThrow(() -> new AssertionError(
                    "run " + run.id() + " of " + run.modelTag() + " has no assessment"));
            if (run.modelTag().name().equals("sum by regex")) {
                assertThat(a).isEqualTo(new RunAssessment(declarativeId, sum % 2 == 0 ? 1.0 : 0.0, sum % 2 == 0,
                        null));
                assertThat(run.judgeTag()).hasToString(declarative);
            } else {
                assertThat(run.judgeTag()).hasToString(code);
                assertThat(a.judgeVersionId()).isEqualTo(codeId);
                if (sum % 7 == 0) {
                    assertThat(a.score()).isNull();
                    assertThat(a.passed()).isNull();
                    assertThat(a.error()).contains("unlucky " + sum);
                    assertThat(run.judgeError()).isEqualTo(a.error());
                    errors.add(run.outputJson());
                } else {
                    assertThat(a).isEqualTo(new RunAssessment(codeId, (double) sum, sum > 10, null));
                }
            }
            assertThat(run.score()).isEqualTo(a.score());
            assertThat(run.passed()).isEqualTo(a.passed());
            byJudge.merge(run.judgeTag().toString(), 1, Integer::sum);
        }
        assertThat(byJudge).containsEntry(declarative, CALLS).containsEntry(code, CALLS);
        assertThat(errors).containsExactlyInAnyOrder("7", "14");
        return key;
    }

    private record Result(int exit, String out, String err) {}

    private static Result bhb(List<String> command, String url, String apiKey) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--project", PROJECT));
        if (url != null) {
            System.setProperty("bhb.url", url);
            System.setProperty("bhb.apiKey", apiKey);
        }
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Bhb.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
            return new Result(exit, out.toString(), err.toString());
        } finally {
            System.clearProperty("bhb.url");
            System.clearProperty("bhb.apiKey");
        }
    }
}
