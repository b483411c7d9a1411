-- One schema for SQLite and PostgreSQL: only types and statements both accept.
-- Ids are client- or store-generated UUID strings; times are microseconds since the epoch.

CREATE TABLE workspaces (
    id          VARCHAR(36)  PRIMARY KEY,
    name        VARCHAR(800) NOT NULL UNIQUE,
    created_at  BIGINT       NOT NULL
);

CREATE TABLE projects (
    id            VARCHAR(36)  PRIMARY KEY,
    workspace_id  VARCHAR(36)  NOT NULL REFERENCES workspaces (id),
    name          VARCHAR(800) NOT NULL,
    created_at    BIGINT       NOT NULL,
    UNIQUE (workspace_id, name)
);

CREATE TABLE models (
    id          VARCHAR(36)  PRIMARY KEY,
    project_id  VARCHAR(36)  NOT NULL REFERENCES projects (id),
    name        VARCHAR(800) NOT NULL,
    created_at  BIGINT       NOT NULL,
    UNIQUE (project_id, name)
);

-- A version is identified by its key (code fingerprint + declared signature); the two unique
-- constraints make version assignment safe with many writers: a racing insert fails one of them
-- and the writer retries.
CREATE TABLE model_versions (
    id                VARCHAR(36)  PRIMARY KEY,
    model_id          VARCHAR(36)  NOT NULL REFERENCES models (id),
    version           INTEGER      NOT NULL CHECK (version > 0),
    version_key       VARCHAR(64)  NOT NULL,
    code_fingerprint  VARCHAR(64)  NOT NULL,
    signature         TEXT         NOT NULL,
    code              TEXT         NOT NULL,
    code_kind         VARCHAR(16)  NOT NULL,
    metadata          TEXT         NOT NULL,
    created_at        BIGINT       NOT NULL,
    UNIQUE (model_id, version_key),
    UNIQUE (model_id, version)
);

-- Runs are written insert-or-ignore by id, so a retried batch is stored once. judge_version_id,
-- score and passed are filled by assess mode (judges arrive in a later migration).
CREATE TABLE runs (
    id                VARCHAR(36)  PRIMARY KEY,
    project_id        VARCHAR(36)  NOT NULL REFERENCES projects (id),
    model_version_id  VARCHAR(36)  NOT NULL REFERENCES model_versions (id),
    parent_run_id     VARCHAR(36),
    root_run_id       VARCHAR(36),
    started_at        BIGINT       NOT NULL,
    latency_ns        BIGINT       NOT NULL,
    thread            TEXT         NOT NULL,
    inputs            TEXT         NOT NULL,
    output            TEXT,
    output_shape      TEXT,
    error_type        TEXT,
    error_message     TEXT,
    error_stack       TEXT,
    judge_version_id  VARCHAR(36),
    score             DOUBLE PRECISION,
    passed            BOOLEAN
);

CREATE INDEX runs_version_started ON runs (model_version_id, started_at);
CREATE INDEX runs_project_started ON runs (project_id, started_at);
CREATE INDEX runs_root ON runs (root_run_id);

INSERT INTO workspaces (id, name, created_at) VALUES ('00000000-0000-0000-0000-000000000000', 'default', 0);
