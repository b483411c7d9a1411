-- Runs are keyed by (project, id) instead of id alone: a run id is the client's idempotency key,
-- and one workspace must not be able to make another's run look stored (and be skipped) by
-- sending the same id first.
--
-- Runs carry no foreign keys: the writer resolves model_version_id from (project, version key)
-- in the same transaction, and projects and versions are never deleted. On PostgreSQL the two
-- foreign-key checks were half of the database's CPU per new run (18.7 µs with them, 9.0 µs
-- without; docs/benchmarks.md, section 4).
--
-- SQLite cannot drop a constraint, so the table is rebuilt, the same way on both databases.

CREATE TABLE runs_by_project (
    project_id        VARCHAR(36)  NOT NULL,
    id                VARCHAR(36)  NOT NULL,
    model_version_id  VARCHAR(36)  NOT NULL,
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
    passed            BOOLEAN,
    judge_error       TEXT,
    PRIMARY KEY (project_id, id)
);

INSERT INTO runs_by_project (project_id, id, model_version_id, parent_run_id, root_run_id, started_at, latency_ns,
        thread, inputs, output, output_shape, error_type, error_message, error_stack, judge_version_id, score,
        passed, judge_error)
    SELECT project_id, id, model_version_id, parent_run_id, root_run_id, started_at, latency_ns, thread, inputs,
        output, output_shape, error_type, error_message, error_stack, judge_version_id, score, passed, judge_error
    FROM runs;

DROP TABLE runs;

ALTER TABLE runs_by_project RENAME TO runs;

CREATE INDEX runs_version_started ON runs (model_version_id, started_at);
CREATE INDEX runs_project_started ON runs (project_id, started_at);
CREATE INDEX runs_root ON runs (root_run_id);
