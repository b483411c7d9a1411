/**
 * The JDBC store behind both the embedded SQLite default and the PostgreSQL team server: one set of
 * Flyway migrations, atomic version assignment, idempotent run ingest and run queries paged by
 * cursor. Start at {@link org.bighummingbird.store.Store}; runs are listed with
 * {@link org.bighummingbird.store.RunQuery} into a {@link org.bighummingbird.store.RunPage}.
 */
package org.bighummingbird.store;
