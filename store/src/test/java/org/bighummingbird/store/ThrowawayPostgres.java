package org.bighummingbird.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A PostgreSQL database created on the local server (127.0.0.1:5432, trust auth) for one test
 * class and dropped afterwards. The server is real; only the database is throwaway. Public for the
 * other modules' tests, which get it from this module's test-jar.
 */
public final class ThrowawayPostgres implements AutoCloseable {
    static final String SERVER = System.getProperty("bhb.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = "postgres";

    private final String name = "bhb_test_" + UUID.randomUUID().toString().replace("-", "");

    /** Creates the database. */
    public ThrowawayPostgres() throws SQLException {
        admin("CREATE DATABASE " + name);
    }

    /** The database's JDBC URL, user included. */
    public String url() {
        return SERVER + name + "?user=" + USER;
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres?user=" + USER);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
