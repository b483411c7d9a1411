package org.bighummingbird.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteSessionStoreTest extends SessionStoreContract {
    @TempDir
    Path home;

    @Override
    Store openFresh() {
        return Store.openLocal(home);
    }

    @Override
    Store openAgain() {
        return Store.openLocal(home);
    }

    @Override
    String url() {
        return "jdbc:sqlite:" + home.resolve(Store.DB_FILE);
    }
}
