package org.bighummingbird.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteCapsuleStoreTest extends CapsuleStoreContract {
    @TempDir
    Path home;

    @Override
    Store openFresh() {
        return Store.openLocal(home);
    }

    @Override
    String jdbcUrl() {
        return "jdbc:sqlite:" + home.resolve(Store.DB_FILE);
    }
}
