-- Dashboard sessions of the team server. Logging in with an API key opens a session: the browser
-- holds a random 256-bit id in a cookie, the store keeps only the lowercase hex SHA-256 of it. A
-- session belongs to the key it was opened with and sees that key's workspace; it ends when its
-- sliding expiry (expires_at) or its absolute end (ends_at) passes, when it is closed (logout), or
-- when its key is revoked (lookups join the active keys). Times are microseconds since the epoch.
-- Stored in the database, so any of several servers on one PostgreSQL accepts the cookie.
--
-- api_keys.last_used_at: when the key last opened or used a session, or authenticated a request
-- (recorded at most about once a minute per key); null when never.

CREATE TABLE dashboard_sessions (
    id_hash     VARCHAR(64)  PRIMARY KEY,
    key_id      VARCHAR(12)  NOT NULL REFERENCES api_keys (id),
    created_at  BIGINT       NOT NULL,
    expires_at  BIGINT       NOT NULL,
    ends_at     BIGINT       NOT NULL
);

CREATE INDEX dashboard_sessions_key ON dashboard_sessions (key_id);
-- The purge of expired sessions.
CREATE INDEX dashboard_sessions_expiry ON dashboard_sessions (expires_at);

ALTER TABLE api_keys ADD COLUMN last_used_at BIGINT;
