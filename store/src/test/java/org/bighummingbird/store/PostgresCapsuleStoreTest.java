package org.bighummingbird.store;

import org.junit.jupiter.api.AfterEach;

class PostgresCapsuleStoreTest extends CapsuleStoreContract {
    private ThrowawayPostgres database;

    @Override
    Store openFresh() throws Exception {
        database = new ThrowawayPostgres();
        return Store.open(database.url());
    }

    @Override
    String jdbcUrl() {
        return database.url();
    }

    @AfterEach
    void drop() throws Exception {
        store.close();
        database.close();
    }
}
