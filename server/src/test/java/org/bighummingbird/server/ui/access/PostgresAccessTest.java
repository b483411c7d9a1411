package org.bighummingbird.server.ui.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.server.ServerFixture;
import org.bighummingbird.store.ThrowawayPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class PostgresAccessTest extends AccessContract {
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
    void aSessionOpenedOnOneServerIsAcceptedAndEndedOnAnotherOnTheSameDatabase() {
        try (ServerFixture second = new ServerFixture(ServerConfig.builder().jdbcUrl(database.url()).port(0).build())) {
            var ws = fixture.newWorkspace();
            PageClient onFirst = browser();
            assertThat(onFirst.logIn(ws.token(), "/settings/keys").status()).isEqualTo(303);

            PageClient onSecond = new PageClient(second.server.url());
            onSecond.cookies.putAll(onFirst.cookies);
            var page = onSecond.get("/settings/keys");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains(ws.name());

            assertThat(onSecond.post("/logout", List.of("_csrf", page.csrf())).status()).isEqualTo(303);
            assertThat(onFirst.get("/settings/keys").status()).isEqualTo(303);
        }
    }

    @Test
    void failedLoginsOnTwoServersOnOneDatabaseShareOneAllowance() throws Exception {
        AccessConfig three = AccessConfig.DEFAULTS.withLoginFailuresPerMinute(3);
        try (ThrowawayPostgres shared = new ThrowawayPostgres();
                ServerFixture first = new ServerFixture(
                        ServerConfig.builder().jdbcUrl(shared.url()).port(0).access(three).build());
                ServerFixture second = new ServerFixture(
                        ServerConfig.builder().jdbcUrl(shared.url()).port(0).access(three).build())) {
            String token = first.store().apiKeys().create("w", "").token();
            PageClient onFirst = new PageClient(first.server.url());
            PageClient onSecond = new PageClient(second.server.url());
            assertThat(onFirst.logIn("bhb_wrong", "/").status()).isEqualTo(401);
            assertThat(onSecond.logIn("bhb_wrong", "/").status()).isEqualTo(401);
            assertThat(onFirst.logIn("bhb_wrong", "/").status()).isEqualTo(401);

            for (PageClient browser : List.of(onFirst, onSecond)) {
                var refused = browser.logIn(token, "/");
                assertThat(refused.status()).isEqualTo(429);
                assertThat(refused.header("Retry-After")).matches("[1-9][0-9]*");
                assertThat(refused.setCookie(Cookies.SESSION)).isNull();
            }
        }
    }
}
