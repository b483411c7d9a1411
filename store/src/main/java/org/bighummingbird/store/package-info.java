/**
 * The JDBC store behind both the embedded SQLite default and the PostgreSQL team server: one set of
 * Flyway migrations, atomic version assignment, idempotent run ingest and the queries the CLI needs.
 * Start at {@link org.bighummingbird.store.Store}.
 */
package org.bighummingbird.store;
