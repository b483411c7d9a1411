-- Evaluations whose process died no longer stay running for ever. A running evaluation records a
-- heartbeat (heartbeat_at, microseconds since the epoch): when it is created, with every batch of
-- rows, and on the evaluating process's timer. A sweeper marks a running evaluation whose heartbeat
-- is older than a threshold 'abandoned', with the reason in failure; an abandoned evaluation takes
-- no more rows and cannot be completed. The evaluations that were running before this migration
-- start from their creation time.
--
-- V7 is left free for another migration of the same release. SQLite cannot change a CHECK
-- constraint, and PostgreSQL cannot drop a table other tables reference, so both tables are rebuilt,
-- the same way on both databases (evaluation_rows references the new table from the start).

CREATE TABLE evaluations_v8 (
    id                  VARCHAR(36)       PRIMARY KEY,
    project_id          VARCHAR(36)       NOT NULL REFERENCES projects (id),
    model_version_id    VARCHAR(36)       REFERENCES model_versions (id),
    model_tag           VARCHAR(820)      NOT NULL,
    dataset_version_id  VARCHAR(36)       NOT NULL REFERENCES dataset_versions (id),
    judge_version_id    VARCHAR(36)       NOT NULL REFERENCES judge_versions (id),
    status              VARCHAR(16)       NOT NULL
                                          CHECK (status IN ('running', 'complete', 'failed', 'abandoned')),
    failure             TEXT,
    parallelism         INTEGER           NOT NULL CHECK (parallelism > 0),
    row_count           INTEGER,
    passed_count        INTEGER,
    failed_count        INTEGER,
    error_count         INTEGER,
    mean_score          DOUBLE PRECISION,
    min_score           DOUBLE PRECISION,
    max_score           DOUBLE PRECISION,
    latency_p50_ns      BIGINT,
    latency_p95_ns      BIGINT,
    created_at          BIGINT            NOT NULL,
    finished_at         BIGINT,
    heartbeat_at        BIGINT            NOT NULL
);

INSERT INTO evaluations_v8 (id, project_id, model_version_id, model_tag, dataset_version_id, judge_version_id,
        status, failure, parallelism, row_count, passed_count, failed_count, error_count, mean_score, min_score,
        max_score, latency_p50_ns, latency_p95_ns, created_at, finished_at, heartbeat_at)
    SELECT id, project_id, model_version_id, model_tag, dataset_version_id, judge_version_id, status, failure,
        parallelism, row_count, passed_count, failed_count, error_count, mean_score, min_score, max_score,
        latency_p50_ns, latency_p95_ns, created_at, finished_at, COALESCE(finished_at, created_at)
    FROM evaluations;

CREATE TABLE evaluation_rows_v8 (
    evaluation_id  VARCHAR(36)       NOT NULL REFERENCES evaluations_v8 (id),
    idx            INTEGER           NOT NULL CHECK (idx >= 0),
    input          TEXT              NOT NULL,
    output         TEXT,
    score          DOUBLE PRECISION,
    passed         BOOLEAN,
    latency_ns     BIGINT            NOT NULL,
    error          TEXT,
    run_id         VARCHAR(36),
    PRIMARY KEY (evaluation_id, idx)
);

INSERT INTO evaluation_rows_v8 (evaluation_id, idx, input, output, score, passed, latency_ns, error, run_id)
    SELECT evaluation_id, idx, input, output, score, passed, latency_ns, error, run_id FROM evaluation_rows;

DROP TABLE evaluation_rows;
DROP TABLE evaluations;

-- Renaming a table rewrites the foreign keys that reference it, on SQLite (3.26+) as on PostgreSQL.
ALTER TABLE evaluations_v8 RENAME TO evaluations;
ALTER TABLE evaluation_rows_v8 RENAME TO evaluation_rows;

CREATE INDEX evaluations_project_created ON evaluations (project_id, created_at);
-- The sweeper's query: running evaluations by heartbeat.
CREATE INDEX evaluations_status_heartbeat ON evaluations (status, heartbeat_at);
