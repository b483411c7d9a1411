package org.bighummingbird.store;

import java.util.Map;

/**
 * A JDBC URL without its secrets, and the connection properties that carry them instead (see
 * {@link JdbcUrls#split}). Only {@link #url()} may be handed to a library that can print it in a
 * log line or an exception message: drivers, pools and Flyway get the secrets as properties.
 *
 * @param url the URL without password, sslpassword or {@code user:password@}
 * @param user the user named before {@code @}, or null (a {@code user=} parameter stays in the URL)
 * @param password the password, or null
 * @param properties the other secrets, such as {@code sslpassword}, by driver property name
 */
record JdbcTarget(String url, String user, String password, Map<String, String> properties) {
    JdbcTarget {
        properties = Map.copyOf(properties);
    }

    /** Shows the URL only. */
    @Override
    public String toString() {
        return url;
    }
}
