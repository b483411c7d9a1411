/**
 * The JDBC store behind both the embedded SQLite default and the PostgreSQL team server: one set of
 * Flyway migrations, atomic version assignment, idempotent run ingest and run queries paged by
 * cursor, and the team server's API keys (stored as hashes). Start at
 * {@link org.bighummingbird.store.Store}; runs are listed with {@link org.bighummingbird.store.RunQuery}
 * into a {@link org.bighummingbird.store.RunPage}; keys are {@link org.bighummingbird.store.ApiKeyInfo};
 * dataset versions are {@link org.bighummingbird.store.DatasetVersionInfo} with rows read by index as
 * {@link org.bighummingbird.store.DatasetRowView}; judges are {@link org.bighummingbird.store.JudgeVersion}s.
 */
package org.bighummingbird.store;
