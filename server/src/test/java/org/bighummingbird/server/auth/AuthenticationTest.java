package org.bighummingbird.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bighummingbird.server.rest.Problems401.assertUnauthenticated;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.bighummingbird.server.Fixtures;
import org.bighummingbird.server.Http.Reply;
import org.bighummingbird.server.Http;
import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.server.ServerFixture.Workspace;
import org.bighummingbird.server.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationTest {
    @TempDir
    static Path home;

    ServerFixture fixture;

    @BeforeAll
    void start() {
        fixture = new ServerFixture(ServerConfig.builder().home(home).port(0).build());
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    @Test
    void withoutAKeyEveryPathAndMethodIs401NotRouted() {
        Http anonymous = fixture.anonymous();
        assertUnauthenticated(anonymous.get("/api/v1/projects"));
        assertUnauthenticated(anonymous.post("/api/v1/projects", "{\"name\":\"x\"}"));
        assertUnauthenticated(anonymous.get("/api/v1/no/such/route"));
        assertUnauthenticated(anonymous.get("/api/v1"));
        assertUnauthenticated(anonymous.get("/api/v1/"));
        assertUnauthenticated(anonymous.get("/api/v1/health/"));
        assertUnauthenticated(anonymous.send("DELETE", "/api/v1/projects", null));
        assertUnauthenticated(anonymous.send("POST", "/api/v1/health", null));
        assertUnauthenticated(anonymous.get("/api/v1/projects/whatever/runs?limit=abc"));
        assertUnauthenticated(anonymous.post("/api/v1/projects/x/runs", "[".repeat(10_000)));
        assertThat(anonymous.get("/api/v1/projects").headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void malformedUnknownAndRevokedKeysAre401() {
        Workspace ws = fixture.newWorkspace();
        Http http = ws.http();
        assertThat(http.get("/api/v1/projects").status()).isEqualTo(200);

        String last = ws.token().substring(ws.token().length() - 1);
        String otherSecret = ws.token().substring(0, ws.token().length() - 1) + (last.equals("A") ? "B" : "A");
        for (String bad : new String[] {"nonsense", "bhb_", ws.token() + "x", otherSecret,
                "bhb_000000000000_" + "a".repeat(43), "' OR 1=1 --"}) {
            Reply reply = http.withKey(bad).get("/api/v1/projects");
            assertThat(reply.status()).as(bad).isEqualTo(401);
            assertUnauthenticated(reply);
        }
        assertUnauthenticated(fixture.anonymous().send("GET", "/api/v1/projects", null, "Authorization", "Basic " + ws.token()));
        String id = fixture.store().apiKeys().list().stream().filter(k -> k.workspace().equals(ws.name())).findFirst()
                .orElseThrow().id();
        fixture.store().apiKeys().revoke(id);
        assertUnauthenticated(http.get("/api/v1/projects"));
    }

    @Test
    void healthAndTheOpenApiDocumentAreOpen() {
        assertThat(fixture.anonymous().get("/api/v1/health").status()).isEqualTo(200);
        assertThat(fixture.anonymous().get("/api/v1/openapi.json").status()).isEqualTo(200);
    }

    @Test
    void anotherWorkspacesProjectIsNotFound() {
        Workspace mine = fixture.newWorkspace();
        Workspace theirs = fixture.newWorkspace();
        mine.http().post("/api/v1/projects", "{\"name\":\"Secret\"}");
        mine.http().post("/api/v1/projects/Secret/versions", Fixtures.registration("model", "a"));

        Reply models = theirs.http().get("/api/v1/projects/Secret/models");
        Reply runs = theirs.http().post("/api/v1/projects/Secret/runs", Fixtures.batch(Fixtures.run("model", "a", "{}")));
        Reply unknown = theirs.http().get("/api/v1/projects/Never/models");

        assertThat(models.problem()).isEqualTo("not-found");
        assertThat(runs.problem()).isEqualTo("not-found");
        assertThat(models.json().get("detail").asText()).isEqualTo(unknown.json().get("detail").asText().replace("Never", "Secret"));
        assertThat(theirs.http().get("/api/v1/projects").json()).isEmpty();
        assertThat(mine.http().get("/api/v1/projects").json()).hasSize(1);
    }

    @Test
    void theKeyNeverAppearsInLogsOrAnswers() throws Exception {
        Workspace ws = fixture.newWorkspace();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String body;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            StringBuilder answers = new StringBuilder();
            for (Reply reply : new Reply[] {
                ws.http().send("GET", "/api/v1/projects", null, "X-Request-Id", "last-key-check"),
                ws.http().get("/api/v1/nothing"),
                ws.http().post("/api/v1/projects", "{\"name\":"),
                fixture.anonymous().withKey(ws.token() + "x").get("/api/v1/projects"),
                ws.http().send("GET", "/api/v1/projects", null, "X-Request-Id", "key-check-done")}) {
                answers.append(reply.headers().map()).append(reply.body());
            }
            awaitLogLine(captured, "requestId=key-check-done");
            body = answers.toString();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        String secret = ws.token().substring(ws.token().lastIndexOf('_') + 1);

        assertThat(log).contains("method=GET path=/api/v1/projects status=200", "requestId=last-key-check",
                "workspace=" + ws.name());
        assertThat(log).doesNotContain(secret).doesNotContain("Bearer");
        assertThat(body).doesNotContain(secret);
    }

    private static void awaitLogLine(ByteArrayOutputStream captured, String text) throws InterruptedException {
        for (int i = 0; i < 400 && !captured.toString(StandardCharsets.UTF_8).contains(text); i++) {
            Thread.sleep(5);
        }
    }
}
