package org.bighummingbird.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bighummingbird.server.Http.Reply;
import org.bighummingbird.store.Store;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

class GracefulStopTest {
    @RepeatedTest(5) // a race: each stop lands at another point of the ingest
    void everyAcknowledgedRunIsStoredWhenTheServerStopsMidIngest(@TempDir Path home) throws Exception {
        ServerFixture fixture = new ServerFixture(ServerConfig.builder().home(home).port(0).build());
        ServerFixture.Workspace ws = fixture.newWorkspace();
        ws.http().post("/api/v1/projects", "{\"name\":\"P\"}");
        ws.http().post("/api/v1/projects/P/versions", Fixtures.registration("model", "a"));
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<Reply>> replies = new ArrayList<>();
        try {
            for (int b = 0; b < 16; b++) {
                ObjectNode body = Fixtures.batch();
                ArrayNode runs = (ArrayNode) body.get("runs");
                for (int i = 0; i < 2_000; i++) {
                    runs.add(Fixtures.run("model", "a", "{\"i\":" + i + "}"));
                }
                replies.add(senders.submit(() -> ws.http().post("/api/v1/projects/P/runs", body)));
            }
            Thread.sleep(50);
            fixture.close();
        } finally {
            senders.shutdown();
        }

        long acknowledged = 0;
        for (Future<Reply> future : replies) {
            try {
                Reply reply = future.get();
                if (reply.status() == 200) {
                    acknowledged += reply.json().get("stored").asLong();
                } else {
                    assertThat(reply.problem()).isEqualTo("unavailable");
                }
            } catch (java.util.concurrent.ExecutionException e) {
                // refused at the socket after the stop: never acknowledged
                assertThat(e.getCause()).isInstanceOf(UncheckedIOException.class);
            }
        }
        try (Store store = Store.openLocal(home)) {
            assertThat(store.runs().count(store.projects().find(ws.name(), "P").orElseThrow())).isEqualTo(acknowledged);
        }
    }
}
