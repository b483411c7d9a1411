package org.bighummingbird.server.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import org.bighummingbird.server.Http;
import org.bighummingbird.server.Http.Reply;
import org.junit.jupiter.api.Test;

class ProblemsTest {
    @Test
    void aBugIs500NamingTheRequestIdAndNothingOfTheException() {
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            Problems.install(cfg);
            cfg.routes.get("/boom", ctx -> {
                throw new IllegalStateException("secret internals");
            });
        }).start("127.0.0.1", 0);
        try {
            Reply reply = new Http("http://127.0.0.1:" + app.port(), null)
                    .send("GET", "/boom", null, "X-Request-Id", "req-42");

            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.problem()).isEqualTo("internal");
            assertThat(reply.json().get("detail").asText()).contains("req-42").doesNotContain("secret");
        } finally {
            app.stop();
        }
    }

    @Test
    void typesAreStableUrns() {
        assertThat(ProblemType.MALFORMED_JSON.uri()).isEqualTo("urn:bighummingbird:problem:malformed-json");
        assertThat(ProblemType.UNKNOWN_VERSION.status()).isEqualTo(422);
    }
}
