-- API keys for the team server. A key is bhb_<id>_<secret>: the id is 12 lowercase hex characters
-- (public, used to list and revoke); only the lowercase hex SHA-256 of the secret's text (43
-- base64url characters) is stored, never the secret. revoked_at is null while the key is active.

CREATE TABLE api_keys (
    id            VARCHAR(12)  PRIMARY KEY,
    workspace_id  VARCHAR(36)  NOT NULL REFERENCES workspaces (id),
    name          VARCHAR(800) NOT NULL,
    secret_hash   VARCHAR(64)  NOT NULL,
    created_at    BIGINT       NOT NULL,
    revoked_at    BIGINT
);

CREATE INDEX api_keys_workspace ON api_keys (workspace_id, created_at);
