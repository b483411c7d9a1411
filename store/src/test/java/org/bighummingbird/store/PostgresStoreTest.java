package org.bighummingbird.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
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
        store.register(project, reg("model", "a + b"));
        List<RunRecord> batch = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            batch.add(run("model", "a + b", "{\"i\":" + i + "}"));
        }
        RunRecord ok = batch.get(2_400);
        // An id longer than the column allows: PostgreSQL rejects the third statement of the call.
        batch.set(2_400, new RunRecord(ok.id() + "-too-long", ok.modelName(), ok.versionKey(), null, null,
                ok.startedAtMicros(), 1, "t", "{}", null, null, null, null, null));
        assertThatThrownBy(() -> store.insertRuns(project, batch)).isInstanceOf(StoreUnavailable.class);
        assertThat(store.countRuns(project)).isZero();
    }
}
