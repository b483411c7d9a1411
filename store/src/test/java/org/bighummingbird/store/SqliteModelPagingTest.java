package org.bighummingbird.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteModelPagingTest extends ModelPagingContract {
    @TempDir
    Path home;

    @Override
    Store openFresh() {
        return Store.openLocal(home);
    }
}
