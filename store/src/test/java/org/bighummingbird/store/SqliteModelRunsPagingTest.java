package org.bighummingbird.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteModelRunsPagingTest extends ModelRunsPagingContract {
    @TempDir
    Path home;

    @Override
    Store openFresh() {
        return Store.openLocal(home);
    }
}
