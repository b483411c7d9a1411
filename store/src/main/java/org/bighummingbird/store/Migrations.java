package org.bighummingbird.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Applies the shared Flyway migrations in {@code db/migration} to a database. */
public final class Migrations {
    /** The newest migration's version; {@code MigrationsTest} checks it against the files. */
    static final String LATEST = "14";

    private Migrations() {}

    /**
     * Whether the schema is at {@link #LATEST} already, read in one query so that opening a current
     * store skips Flyway's start-up (a few hundred milliseconds per process).
     */
    static boolean isCurrent(Connection c) {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success = "
                        + "(1 = 1) AND version IS NOT NULL ORDER BY installed_rank DESC")) {
            return rs.next() && LATEST.equals(rs.getString(1));
        } catch (SQLException e) {
            return false; // no history table yet: a new store
        }
    }

    /**
     * Migrates the database at {@code jdbcUrl} to the newest schema.
     *
     * @throws StoreException when a migration fails, with Flyway's reason
     */
    public static void migrate(String jdbcUrl) {
        // Flyway gets the URL without secrets and the secrets as properties: it names its URL in
        // its own exceptions ("Unable to obtain connection from database (…)").
        JdbcTarget target = JdbcUrls.split(jdbcUrl);
        try {
            Flyway.configure()
                    .dataSource(target.url(), target.user(), target.password())
                    .jdbcProperties(target.properties())
                    .locations("classpath:db/migration")
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot migrate the store schema at " + JdbcUrls.redacted(jdbcUrl) + ": "
                    + JdbcUrls.redacted(e.getMessage()), e);
        }
    }
}
