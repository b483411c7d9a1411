package org.bighummingbird.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteJudgeStoreTest extends JudgeStoreContract {
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
}
