-- Failed dashboard logins, per client address, so that the login throttle holds across every server
-- on one PostgreSQL: N servers allow one allowance an address, not N. A row is one failure at
-- failed_at (microseconds since the epoch, the servers' wall clock); rows older than the throttle's
-- window are deleted as failures are recorded. address is the client's address as the server saw it,
-- cut to 64 characters.

CREATE TABLE login_failures (
    address    VARCHAR(64)  NOT NULL,
    failed_at  BIGINT       NOT NULL
);

CREATE INDEX login_failures_address ON login_failures (address, failed_at);
-- The purge of failures older than the window.
CREATE INDEX login_failures_time ON login_failures (failed_at);
