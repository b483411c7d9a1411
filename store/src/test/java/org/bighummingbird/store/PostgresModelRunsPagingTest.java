package org.bighummingbird.store;

import org.junit.jupiter.api.AfterEach;

class PostgresModelRunsPagingTest extends ModelRunsPagingContract {
    private ThrowawayPostgres database;

    @Override
    Store openFresh() throws Exception {
        database = new ThrowawayPostgres();
        return Store.open(database.url());
    }

    @AfterEach
    void drop() throws Exception {
        store.close();
        database.close();
    }
}
