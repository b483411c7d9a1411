package org.bighummingbird.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.Dataset;
import org.bighummingbird.Judge;
import org.bighummingbird.NoSuchDataset;
import org.bighummingbird.server.BhbServer;
import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.store.JudgeVersion;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.ThrowawayPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The customer-support flow on a real server, through {@code BigHummingbird.builder(p).url(server)
 * .apiKey(key)}: a dataset and judges (declarative and code) are uploaded once, found again on
 * re-upload, read back whole, and invisible to another workspace's key. On SQLite and PostgreSQL.
 */
class CustomerSupportFlowTest {
    private static final String PROJECT = "Customer Support - Kundendienst ü";
    private static final String WORKSPACE = "support";

    @TempDir
    Path dir;

    @Test
    void onSqlite() throws Exception {
        try (BhbServer server = BhbServer.start(ServerConfig.builder().port(0).home(dir.resolve("server")).build())) {
            flow(server);
        }
    }

    @Test
    void onPostgres() throws Exception {
        try (ThrowawayPostgres database = new ThrowawayPostgres();
                BhbServer server = BhbServer.start(ServerConfig.builder().port(0).jdbcUrl(database.url()).build())) {
            flow(server);
        }
    }

    private void flow(BhbServer server) throws Exception {
        String key = server.store().apiKeys().create(WORKSPACE, "support team").token();
        String strangersKey = server.store().apiKeys().create("elsewhere", "someone else").token();
        Dataset questions = Dataset.of("support questions", "Customer questions, Kundenfragen, 顧客の質問", rows());
        String datasetTag;
        String exactTag;
        String politeTag;
        String codeTag;
        try (BigHummingbird bhb = client(server, key, "first")) {
            datasetTag = bhb.uploadDataset(questions);
            exactTag = bhb.addJudge(Judge.exactMatch("exact answer"));
            politeTag = bhb.addJudge(Judge.regex("polite", "(?i)\\b(please|thank you|danke)\\b"));
            codeTag = bhb.addJudge(Judge.of("short answer", "1 to 10: shorter is better",
                    (String out) -> Math.max(1.0, 10.0 - out.length() / 20.0), s -> s > 5));

            assertThat(datasetTag).isEqualTo("support questions:v1");
            assertThat(List.of(exactTag, politeTag, codeTag)).containsExactly("exact answer:v1", "polite:v1",
                    "short answer:v1");
            Dataset back = bhb.dataset("support questions:latest");
            assertThat(back).isEqualTo(questions);
            assertThat(back.rows().get(1).input()).isEqualTo(questions.rows().get(1).input());
            assertThat(back.rows().get(3).hasExpected()).isFalse();
        }

        try (BigHummingbird again = client(server, key, "second")) {
            assertThat(again.uploadDataset(questions)).isEqualTo(datasetTag);
            assertThat(again.uploadDataset(Dataset.of("support questions", "description changes nothing", rows())))
                    .isEqualTo(datasetTag);
            assertThat(again.addJudge(Judge.exactMatch("exact answer"))).isEqualTo(exactTag);
            assertThat(again.addJudge(Judge.regex("polite", "(?i)\\b(please|thank you|danke)\\b"))).isEqualTo(politeTag);
            assertThat(again.addJudge(Judge.of("short answer", "1 to 10: shorter is better",
                    (String out) -> Math.max(1.0, 10.0 - out.length() / 20.0), s -> s > 5))).isEqualTo(codeTag);
            assertThat(again.uploadDataset(Dataset.of("support questions", "", rows().subList(0, 2))))
                    .isEqualTo("support questions:v2");
            assertThat(again.dataset("support questions:v1")).isEqualTo(questions);
        }

        ProjectRef project = server.store().projects().find(WORKSPACE, PROJECT).orElseThrow();
        assertThat(server.store().datasets().list(project)).hasSize(2);
        List<JudgeVersion> judges = server.store().judges().list(project);
        assertThat(judges).extracting(j -> j.tag().toString() + " " + j.kind())
                .containsExactly("exact answer:v1 exact", "polite:v1 regex", "short answer:v1 code");
        assertThat(judges.get(2).code()).isNotBlank();

        String datasets = "/api/v1/projects/" + segment(PROJECT) + "/datasets";
        assertThat(get(server, key, datasets + "/" + segment(datasetTag)).statusCode()).isEqualTo(200);
        HttpResponse<String> stranger = get(server, strangersKey, datasets + "/" + segment(datasetTag));
        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(stranger.body()).contains("urn:bighummingbird:problem:not-found");
        assertThat(get(server, strangersKey, "/api/v1/projects/" + segment(PROJECT) + "/judges").statusCode())
                .isEqualTo(404);
        try (BigHummingbird elsewhere = client(server, strangersKey, "stranger")) {
            assertThatThrownBy(() -> elsewhere.dataset(datasetTag)).isInstanceOf(NoSuchDataset.class)
                    .hasMessageContaining("no dataset version support questions:v1");
        }
    }

    private BigHummingbird client(BhbServer server, String key, String home) {
        return BigHummingbird.builder(PROJECT).url(server.url()).apiKey(key).home(dir.resolve(home)).build();
    }

    private static List<Object> rows() {
        List<Object> rows = new ArrayList<>();
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("customer", Map.of("name", "Zoë Ågren", "tier", "gold", "since", 2019));
        nested.put("question", "Où est ma commande ? 注文はどこですか？ 🚚");
        nested.put("history", List.of(Map.of("at", "2026-11-01", "amount", 12.5), List.of(), Map.of()));
        nested.put("flags", Arrays.asList(true, false, null));
        rows.add(Dataset.Row.of("How do I reset my password?", "Use the link on the sign-in page, please."));
        rows.add(Dataset.Row.of(nested, Map.of("answer", "Ihre Bestellung ist unterwegs – danke!", "score", 9.75)));
        rows.add(Dataset.Row.of(List.of(1, -2.5, 1e-7, 9007199254740992L, "\u0000 nul \\ \" quote \n line"), null));
        rows.add(Dataset.Row.of("مرحبا، أحتاج إلى مساعدة"));
        return rows;
    }

    private static HttpResponse<String> get(BhbServer server, String key, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Authorization", "Bearer " + key).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
