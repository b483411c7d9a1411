package org.bighummingbird.server.ui;

import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.store.ThrowawayPostgres;
import org.junit.jupiter.api.AfterAll;

class PostgresDashboardTest extends DashboardContract {
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
}
