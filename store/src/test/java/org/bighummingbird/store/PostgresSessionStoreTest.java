package org.bighummingbird.store;

import org.junit.jupiter.api.AfterEach;

class PostgresSessionStoreTest extends SessionStoreContract {
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

    @Override
    String url() {
        return database.url();
    }

    @AfterEach
    void drop() throws Exception {
        store.close();
        database.close();
    }
}
