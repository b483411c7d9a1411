package org.bighummingbird.store;

/** The databases the store runs on; the SQL is shared, only connection set-up differs. */
public enum Dialect {
    SQLITE,
    POSTGRES;

    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        throw new IllegalArgumentException(
                "jdbcUrl must start with jdbc:sqlite: or jdbc:postgresql:, got \"" + jdbcUrl + "\"");
    }
}
