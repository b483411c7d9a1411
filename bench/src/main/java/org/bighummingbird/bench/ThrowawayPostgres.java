package org.bighummingbird.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database created on a PostgreSQL server for one benchmark and dropped afterwards (with
 * {@code FORCE}, so connections left open do not keep it). The server needs a {@code postgres}
 * user that may create databases without a password, as the store's tests do.
 */
final class ThrowawayPostgres implements AutoCloseable {
    /** The local server the store's tests use too. */
    static final String DEFAULT_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "postgres";

    private final String server;
    private final String name;

    private ThrowawayPostgres(String server, String name) {
        this.server = server.endsWith("/") ? server : server + "/";
        this.name = name;
    }

    /** Creates a database with a fresh name on the server at {@code server} ({@code jdbc:postgresql://host:port/}). */
    static ThrowawayPostgres create(String server) throws SQLException {
        ThrowawayPostgres db = new ThrowawayPostgres(server, "bhb_bench_" + UUID.randomUUID().toString().replace("-", ""));
        db.admin("CREATE DATABASE " + db.name);
        return db;
    }

    /** The database's name. */
    String name() {
        return name;
    }

    /** The JDBC URL of the database. */
    String url() {
        return server + name + "?user=" + USER;
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server + "postgres?user=" + USER);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
