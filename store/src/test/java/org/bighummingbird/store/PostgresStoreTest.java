package org.bighummingbird.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bighummingbird.core.RunRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PostgresStoreTest extends StoreContract {
    private ThrowawayPostgres database;

    @Override
    Store openFresh() throws Exception {
        database = new ThrowawayPostgres();
        return Store.open(database.url());
    }

    @Override
    String url() {
        return database.url();
    }

    @Override
    Store openAgain() {
        return Store.open(database.url());
    }

    @AfterEach
    void drop() throws Exception {
        store.close();
        database.close();
    }

    @Test
    void aRunFailingInALaterChunkStoresNoneOfTheCall() {
        store.models().register(project, reg("model", "a + b"));
        List<RunRecord> batch = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            batch.add(run("model", "a + b", "{\"i\":" + i + "}"));
        }
        RunRecord ok = batch.get(2_400);
        // An id longer than the column allows, late in the call: PostgreSQL rejects it after most runs were sent.
        batch.set(2_400, new RunRecord(ok.id() + "-too-long", ok.modelName(), ok.versionKey(), null, null,
                ok.startedAtMicros(), 1, "t", "{}", null, null, null, null, null));
        assertThatThrownBy(() -> store.runs().insert(project, batch)).isInstanceOf(StoreUnavailable.class);
        assertThat(store.runs().count(project)).isZero();
    }

    @Test
    void readsGoOnWhileAWriteTransactionIsOpen() throws Exception {
        store.models().register(project, reg("model", "a + b"));
        store.runs().insert(project, List.of(run("model", "a + b", "{}")));
        try (Database db = Database.connect(database.url())) {
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch readDone = new CountDownLatch(1);
            CompletableFuture<Integer> writer = CompletableFuture.supplyAsync(() -> {
                try {
                    return db.transaction(c -> {
                        try (PreparedStatement ps = c.prepareStatement("DELETE FROM runs WHERE project_id = ?")) {
                            ps.setString(1, project.id());
                            int deleted = ps.executeUpdate();
                            written.countDown();
                            // Holds the transaction open until a read on the same Database finished:
                            // with one connection behind one lock this would never return.
                            if (!readDone.await(60, TimeUnit.SECONDS)) {
                                throw new IllegalStateException("the read waited for the open write transaction");
                            }
                            return deleted;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                    });
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            long seen = db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM runs WHERE project_id = ?")) {
                    ps.setString(1, project.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
            readDone.countDown();
            assertThat(seen).as("uncommitted delete is invisible to the concurrent read").isEqualTo(1);
            assertThat(writer.get(60, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(store.runs().count(project)).isZero();
    }

    @Test
    void anUnreachableServerFailsAtOpen() {
        assertThatThrownBy(() -> Store.open("jdbc:postgresql://127.0.0.1:1/nowhere?user=postgres&connectTimeout=5"))
                .isInstanceOf(StoreUnavailable.class)
                .hasMessageContaining("127.0.0.1:1");
    }
}
