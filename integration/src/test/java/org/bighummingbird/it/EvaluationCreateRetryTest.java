package org.bighummingbird.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.Dataset;
import org.bighummingbird.Evaluation;
import org.bighummingbird.Fn1;
import org.bighummingbird.Judge;
import org.bighummingbird.server.BhbServer;
import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.store.EvaluationInfo;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;
import org.bighummingbird.store.ThrowawayPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answer to an evaluation's creation is lost after the server committed it (a proxy closes the
 * connection instead of answering); the SDK retries, and exactly one evaluation exists, complete,
 * on SQLite and on PostgreSQL.
 */
class EvaluationCreateRetryTest {
    private static final String PROJECT = "Retry Project";

    @TempDir
    Path dir;

    @Test
    void onSqlite() throws Exception {
        try (BhbServer server = BhbServer.start(ServerConfig.builder().port(0).home(dir.resolve("server")).build())) {
            aLostCreateAnswerLeavesOneEvaluation(server, Store.DEFAULT_WORKSPACE);
        }
    }

    @Test
    void onPostgres() throws Exception {
        try (ThrowawayPostgres database = new ThrowawayPostgres();
                BhbServer server = BhbServer.start(ServerConfig.builder().port(0).jdbcUrl(database.url()).build())) {
            aLostCreateAnswerLeavesOneEvaluation(server, "retries");
        }
    }

    private void aLostCreateAnswerLeavesOneEvaluation(BhbServer server, String workspace) throws Exception {
        String key = server.store().apiKeys().create(workspace, "retry test").token();
        Evaluation evaluation;
        List<String> seen;
        try (LossyProxy proxy = LossyProxy.start(server.url(), e -> e.getRequestMethod().equals("POST")
                        && e.getRequestURI().getRawPath().endsWith("/evaluations"), 1);
                BigHummingbird bhb = BigHummingbird.builder(PROJECT).url(proxy.url()).apiKey(key)
                        .home(dir.resolve("client-" + workspace)).build()) {
            String dataset = bhb.uploadDataset(Dataset.of("questions", "", List.of("a", "b", "c")));
            String judge = bhb.addJudge(Judge.of("length", "the answer's length", (String out) -> out.length(),
                    s -> s > 1));
            Fn1<String, String> model = bhb.trace("echo", (String q) -> q + q);
            evaluation = quietly(() -> bhb.evaluate(model, judge, dataset));
            seen = proxy.seen();
        }

        assertThat(seen).filteredOn(line -> line.startsWith("POST") && line.contains("/evaluations (lost)"))
                .hasSize(1);
        ProjectRef project = server.store().projects().find(workspace, PROJECT).orElseThrow();
        List<EvaluationInfo> stored = server.store().evaluations().list(project, 10);
        assertThat(stored).extracting(EvaluationInfo::id).containsExactly(evaluation.id());
        assertThat(stored.get(0).status()).isEqualTo(EvaluationInfo.COMPLETE);
        assertThat(stored.get(0).rows()).isEqualTo(3);
    }

    private static <T> T quietly(java.util.concurrent.Callable<T> call) throws Exception {
        PrintStream out = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return call.call();
        } finally {
            System.setOut(out);
        }
    }
}
