/**
 * The JDBC store behind both the embedded SQLite default and the PostgreSQL team server: one set of
 * Flyway migrations, atomic version assignment, idempotent run ingest and run queries paged by
 * cursor, and the team server's API keys (stored as hashes). Start at
 * {@link org.bighummingbird.store.Store}, which opens, migrates and closes the database and hands out
 * one object per area: {@link org.bighummingbird.store.ProjectStore},
 * {@link org.bighummingbird.store.ModelStore} (versions, paged as {@link org.bighummingbird.store.ModelPage}),
 * {@link org.bighummingbird.store.RunStore} (runs listed with {@link org.bighummingbird.store.RunQuery}
 * into a {@link org.bighummingbird.store.RunPage}), {@link org.bighummingbird.store.DatasetStore},
 * {@link org.bighummingbird.store.JudgeStore}, {@link org.bighummingbird.store.EvaluationStore},
 * {@link org.bighummingbird.store.ApiKeyStore} and {@link org.bighummingbird.store.Sessions}.
 */
package org.bighummingbird.store;
