package org.bighummingbird.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.bighummingbird.core.DatasetRow;
import org.bighummingbird.core.DatasetUpload;
import org.bighummingbird.core.JudgeRegistration;
import org.bighummingbird.core.Tag;
import org.bighummingbird.sdk.spi.SinkRejected;
import org.bighummingbird.sdk.spi.SinkUnavailable;
import org.bighummingbird.testing.ScriptedServer;
import org.bighummingbird.testing.ScriptedServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The remote catalog's wire forms, retries and refusals, against a scripted endpoint. */
class RemoteCatalogTest {
    private static final String KEY = "bhb_0123456789ab_" + "s".repeat(43);
    private static final Predicate<ScriptedServer.Request> DATASETS = r -> r.rawPath().endsWith("/datasets");
    private static final Predicate<ScriptedServer.Request> JUDGES = r -> r.rawPath().endsWith("/judges");

    private final ScriptedServer server = ScriptedServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private RemoteCatalog catalog(String apiKey) {
        return new RemoteCatalog(ServerUrl.parse(server.url()), apiKey, "P", Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofMillis(1));
    }

    private static DatasetUpload upload() {
        return DatasetUpload.of("faq", "questions", List.of(DatasetRow.parse("{\"q\":\"Grüße\"}", "\"hi\""),
                DatasetRow.parse("2", null)));
    }

    private static Answer registered(String tag, String field, String value) {
        return Answer.of(201, "{\"tag\":\"" + tag + "\",\"name\":\"" + Tag.parse(tag).name() + "\",\"version\":1,"
                + "\"existed\":false,\"rowCount\":2,\"" + field + "\":\"" + value + "\"}");
    }

    @Test
    void anUploadSendsRowsAsJsonTextAndNoKey() {
        server.answer(DATASETS, 1, registered("faq:v1", "contentKey", upload().contentKey()));

        assertThat(catalog(null).uploadDataset(upload())).isEqualTo(new Tag("faq", 1));

        JsonNode sent = server.requests("datasets").get(0).json();
        assertThat(sent.toString()).isEqualTo("{\"name\":\"faq\",\"description\":\"questions\",\"rows\":["
                + "{\"inputJson\":\"{\\\"q\\\":\\\"Grüße\\\"}\",\"expectedJson\":\"\\\"hi\\\"\"},{\"inputJson\":\"2\"}]}");
        assertThat(server.requests("datasets").get(0).header("Content-Encoding")).isEqualTo("gzip");
    }

    @Test
    void aJudgeRegistrationLeavesTheKeyToTheServerAndChecksItsAnswer() {
        JudgeRegistration registration = new JudgeRegistration("exact", JudgeRegistration.declarativeKey(
                "{\"kind\":\"exact\"}"), "exact", "", "{\"kind\":\"exact\"}", "", "{}");
        server.answer(JUDGES, 1, registered("exact:v1", "key", registration.key()));
        server.answer(JUDGES, 1, registered("exact:v1", "key", "0".repeat(64)));

        assertThat(catalog(null).registerJudge(registration)).isEqualTo(new Tag("exact", 1));
        assertThatThrownBy(() -> catalog(null).registerJudge(registration)).isInstanceOf(SinkUnavailable.class)
                .hasMessageContaining("a key other than this SDK's");

        JsonNode sent = server.requests("judges").get(0).json();
        List<String> fields = new ArrayList<>();
        sent.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("judgeName", "kind", "description", "specJson", "code", "metadataJson");
    }

    @Test
    void retryableAnswersAreRetriedHonouringRetryAfterThenThrown() {
        server.answer(DATASETS, 2, Answer.problem(503, "unavailable", "the database is away").with("Retry-After", "0"));
        server.answer(DATASETS, 1, registered("faq:v1", "contentKey", upload().contentKey()));
        assertThat(catalog(null).uploadDataset(upload())).isEqualTo(new Tag("faq", 1));
        assertThat(server.requests("datasets")).hasSize(3);

        server.answer(DATASETS, 100, Answer.problem(429, "unavailable", "slow down"));
        assertThatThrownBy(() -> catalog(null).uploadDataset(upload())).isInstanceOf(SinkUnavailable.class)
                .hasMessageContaining("429");
        assertThat(server.requests("datasets")).hasSize(3 + RemoteCatalog.MAX_ATTEMPTS);
    }

    @Test
    void aRefusalIsNotRetried() {
        server.answer(DATASETS, 100, Answer.problem(400, "invalid-request", "rows[0].inputJson is bad"));

        assertThatThrownBy(() -> catalog(null).uploadDataset(upload())).isInstanceOf(SinkRejected.class)
                .hasMessageContaining("rows[0].inputJson is bad");
        assertThat(server.requests("datasets")).hasSize(1);
    }

    @Test
    void aRefusedKeyIsNamedButNeverShown() {
        server.requireKey("bhb_ffffffffffff_" + "x".repeat(43));

        assertThatThrownBy(() -> catalog(KEY).uploadDataset(upload())).isInstanceOf(SinkRejected.class)
                .hasMessageContaining("refused the API key (401").hasMessageContaining("BHB_API_KEY")
                .hasMessageNotContaining(KEY).hasMessageNotContaining("s".repeat(43));
        assertThatThrownBy(() -> catalog(null).datasetVersion(org.bighummingbird.core.TagReference.parse("faq:v1")))
                .isInstanceOf(SinkRejected.class).hasMessageContaining("none is set");
    }

    @Test
    void aDatasetOverTheBodyLimitIsRefusedBeforeSendingAndA413NamesTheLimit() {
        List<DatasetRow> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(DatasetRow.parse("\"" + "x".repeat(900_000) + i + "\"", null));
        }
        DatasetUpload big = DatasetUpload.of("big", "", rows);
        assertThatThrownBy(() -> catalog(null).uploadDataset(big)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than the server's limit of 8388608 bytes (8 MiB)");
        assertThat(server.requests()).isEmpty();

        server.answer(DATASETS, 1, Answer.problem(413, "payload-too-large", "the body is larger than 1024 bytes"));
        assertThatThrownBy(() -> catalog(null).uploadDataset(upload())).isInstanceOf(SinkRejected.class)
                .hasMessageContaining("larger than 1024 bytes").hasMessageContaining("body limit");
    }

    @Test
    void anUnknownVersionIsEmptyAndAClosedCatalogRefuses() {
        RemoteCatalog catalog = catalog(null);
        assertThat(catalog.judgeVersion(org.bighummingbird.core.TagReference.parse("j:v1"))).isEmpty();
        catalog.close();
        assertThatThrownBy(() -> catalog.judgeVersion(org.bighummingbird.core.TagReference.parse("j:v1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
