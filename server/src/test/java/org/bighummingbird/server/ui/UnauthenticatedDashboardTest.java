package org.bighummingbird.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bighummingbird.server.BhbServer;
import org.bighummingbird.server.Http;
import org.bighummingbird.server.Http.Reply;
import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a team server (authentication on) the dashboard shows nothing without a session: with no
 * session every page redirects to the login page and shows nothing, never the default workspace.
 */
class UnauthenticatedDashboardTest {
    @TempDir
    Path home;

    @Test
    void pagesNeedASessionOnATeamServer() {
        try (BhbServer server = BhbServer.start(ServerConfig.builder().home(home).port(0).build())) {
            new DashboardSeed(server.store(), Store.DEFAULT_WORKSPACE, DashboardSeed.PROJECT);
            Http http = new Http(server.url(), null);
            for (String path : new String[] {"/", "/projects/Concept%20Project/models",
                    "/projects/Concept%20Project/runs", "/projects/Concept%20Project/models/bot/v1"}) {
                Reply reply = http.get(path);
                assertThat(reply.status()).as(path).isEqualTo(303);
                assertThat(reply.headers().firstValue("Location").orElseThrow()).as(path).startsWith("/login");
                assertThat(reply.body()).doesNotContain("bot:v1").doesNotContain("Concept Project");
            }
            assertThat(http.get("/assets/bhb-1.css").status()).isEqualTo(200);
        }
    }
}
