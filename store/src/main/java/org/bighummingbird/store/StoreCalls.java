package org.bighummingbird.store;

import java.sql.SQLException;

/**
 * Runs one store call's SQL and reports a {@link SQLException} as {@link StoreUnavailable} naming the
 * store, so that no caller of the per-area types sees JDBC's checked exception. Thread-safe.
 */
final class StoreCalls {
    private final String description;

    StoreCalls(String description) {
        this.description = description;
    }

    <T> T call(SqlCall<T> work) {
        try {
            return work.call();
        } catch (SQLException e) {
            throw new StoreUnavailable("the " + description + " failed: " + e.getMessage(), e);
        }
    }

    void run(SqlRun work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** SQL that answers a value. */
    @FunctionalInterface
    interface SqlCall<T> {
        T call() throws SQLException;
    }

    /** SQL that answers nothing. */
    @FunctionalInterface
    interface SqlRun {
        void run() throws SQLException;
    }
}
