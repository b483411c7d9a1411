package org.bighummingbird.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.bighummingbird.server.Http.Reply;
import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.server.ServerFixture;
import org.bighummingbird.store.ThrowawayPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class PostgresApiTest extends ApiContract {
    private ThrowawayPostgres database;

    @Override
    ServerConfig.Builder storeConfig() throws Exception {
        database = new ThrowawayPostgres();
        return ServerConfig.builder().jdbcUrl(database.url());
    }

    @AfterAll
    void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void aDatabaseThatGoesAwayIs503WithRetryAfterAndHealthSaysSo() throws Exception {
        try (ThrowawayPostgres doomed = new ThrowawayPostgres();
                ServerFixture own = new ServerFixture(ServerConfig.builder().jdbcUrl(doomed.url()).port(0).build())) {
            var client = own.newWorkspace().http();
            doomed.close();

            Reply list = client.get("/api/v1/projects");
            Reply health = own.anonymous().get("/api/v1/health");

            assertProblem(list, 503, "unavailable");
            assertThat(list.headers().firstValue("Retry-After")).isPresent();
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("status").asText()).isEqualTo("unavailable");
        }
    }
}
