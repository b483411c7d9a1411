package org.bighummingbird.server.rest;

import java.nio.file.Path;
import org.bighummingbird.server.ServerConfig;
import org.junit.jupiter.api.io.TempDir;

class SqliteApiFuzzTest extends ApiFuzzContract {
    @TempDir
    static Path home;

    @Override
    ServerConfig.Builder storeConfig() {
        return ServerConfig.builder().home(home);
    }
}
