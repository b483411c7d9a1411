package org.bighummingbird.server.ui.access;

import java.nio.file.Path;
import org.bighummingbird.server.ServerConfig;
import org.junit.jupiter.api.io.TempDir;

class SqliteAccessTest extends AccessContract {
    @TempDir
    static Path home;

    @Override
    ServerConfig.Builder storeConfig() {
        return ServerConfig.builder().home(home);
    }
}
