package org.bighummingbird.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bighummingbird.server.Http;
import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.server.ServerFixture;
import org.bighummingbird.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoAuthTest {
    @Test
    void everyRequestIsWorkspaceDefault(@TempDir Path home) {
        try (ServerFixture fixture = new ServerFixture(ServerConfig.builder().home(home).port(0).auth(false).build())) {
            Http http = fixture.anonymous();

            assertThat(http.post("/api/v1/projects", "{\"name\":\"Local\"}").status()).isEqualTo(201);
            assertThat(http.withKey("anything").get("/api/v1/projects").json().get(0).get("name").asText())
                    .isEqualTo("Local");
            assertThat(fixture.store().projects().find(Store.DEFAULT_WORKSPACE, "Local")).isPresent();
            assertThat(http.get("/api/v1/nothing").problem()).isEqualTo("not-found");
        }
    }
}
