package org.bighummingbird.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Applies the shared Flyway migrations in {@code db/migration} to a database. */
public final class Migrations {
    private Migrations() {}

    /**
     * Migrates the database at {@code jdbcUrl} to the newest schema.
     *
     * @throws StoreException when a migration fails, with Flyway's reason
     */
    public static void migrate(String jdbcUrl) {
        try {
            Flyway.configure()
                    .dataSource(jdbcUrl, null, null)
                    .locations("classpath:db/migration")
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot migrate the store schema at " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }
}
