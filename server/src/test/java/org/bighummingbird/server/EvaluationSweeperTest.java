package org.bighummingbird.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bighummingbird.store.EvaluationInfo;
import org.bighummingbird.store.EvaluationStore;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's sweeper, driven by a fixed clock instead of waiting for the silence to pass. */
class EvaluationSweeperTest {
    private static final String PROJECT = "Sweep";

    @Test
    void abandonsWhatIsSilentAtItsClocksNowAndSurvivesAStoreThatFails(@TempDir Path home) {
        try (ServerFixture fixture = new ServerFixture(ServerConfig.builder().port(0).home(home).build())) {
            ServerFixture.Workspace ws = fixture.newWorkspace();
            String id = runningEvaluation(ws.http());
            Store store = fixture.store();
            Duration silence = Duration.ofSeconds(30);

            EvaluationSweeper early = new EvaluationSweeper(store, silence, Clock.fixed(Instant.now(), ZoneOffset.UTC));
            EvaluationSweeper late = new EvaluationSweeper(store, silence,
                    Clock.fixed(Instant.now().plus(silence).plusSeconds(1), ZoneOffset.UTC));
            try (early; late) {
                assertThat(early.sweep()).isZero();
                assertThat(late.sweep()).isEqualTo(1);
                assertThat(late.sweep()).isZero();
            }
            ProjectRef project = ws.project(store, PROJECT);
            assertThat(store.evaluations().find(project, id).orElseThrow().status()).isEqualTo(EvaluationInfo.ABANDONED);
        }
        try (Store closed = Store.openLocal(home)) {
            closed.close();
            EvaluationSweeper sweeper = new EvaluationSweeper(closed, Duration.ofSeconds(1), Clock.systemUTC());
            try (sweeper) {
                assertThat(sweeper.sweep()).isZero();
                assertThat(sweeper.sweep()).isZero();
            }
        }
    }

    @Test
    void aServerSweepsWithTheSilenceItIsConfiguredWith() {
        assertThat(ServerConfig.builder().home(Path.of("h")).build().evaluationSilence())
                .isEqualTo(EvaluationStore.DEFAULT_SILENCE);
        assertThat(ServerConfig.builder().home(Path.of("h")).evaluationSilence(Duration.ofSeconds(5)).build()
                .evaluationSilence()).isEqualTo(Duration.ofSeconds(5));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServerConfig.builder().home(Path.of("h"))
                .evaluationSilence(Duration.ZERO).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("evaluationSilence must be positive");
    }

    private static String runningEvaluation(Http http) {
        String base = "/api/v1/projects/" + PROJECT;
        assertThat(http.post("/api/v1/projects", "{\"name\":\"" + PROJECT + "\"}").status()).isEqualTo(201);
        assertThat(http.post(base + "/versions", Fixtures.registration("bot", "a + b")).status()).isEqualTo(201);
        assertThat(http.post(base + "/datasets", "{\"name\":\"faq\",\"description\":\"\",\"rows\":[{\"inputJson\":"
                + "\"1\"}]}").status()).isEqualTo(201);
        assertThat(http.post(base + "/judges", "{\"judgeName\":\"m\",\"kind\":\"regex\",\"description\":\"\","
                + "\"specJson\":\"{\\\"kind\\\":\\\"regex\\\",\\\"pattern\\\":\\\"ok\\\"}\",\"code\":\"\","
                + "\"metadataJson\":\"{}\"}").status()).isEqualTo(201);
        Http.Reply created = http.post(base + "/evaluations", "{\"modelTag\":\"bot:v1\",\"datasetTag\":\"faq:v1\","
                + "\"judgeTag\":\"m:v1\",\"parallelism\":1}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }
}
