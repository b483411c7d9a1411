-- Evaluations: a model version run over a dataset version and scored by a judge version. An
-- evaluation is created running, its rows are appended as they finish (insert-or-ignore by index,
-- so a retried batch is stored once), and it ends complete, with its summary filled from the rows
-- in the same transaction, or failed with its reason. Readers never take a running or failed
-- evaluation for a finished one.
-- model_version_id is NULL when the model's runs go to a store other than this one (a custom sink);
-- model_tag always names it.

CREATE TABLE evaluations (
    id                  VARCHAR(36)       PRIMARY KEY,
    project_id          VARCHAR(36)       NOT NULL REFERENCES projects (id),
    model_version_id    VARCHAR(36)       REFERENCES model_versions (id),
    model_tag           VARCHAR(820)      NOT NULL,
    dataset_version_id  VARCHAR(36)       NOT NULL REFERENCES dataset_versions (id),
    judge_version_id    VARCHAR(36)       NOT NULL REFERENCES judge_versions (id),
    status              VARCHAR(16)       NOT NULL CHECK (status IN ('running', 'complete', 'failed')),
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
    finished_at         BIGINT
);

CREATE INDEX evaluations_project_created ON evaluations (project_id, created_at);

-- One row per dataset row: idx is the dataset row's index. score is NULL on an error row; passed is
-- NULL on an error row and for a judge without criterion. run_id names the model's run (not a
-- foreign key: runs arrive in the background and may land after the row).
CREATE TABLE evaluation_rows (
    evaluation_id  VARCHAR(36)       NOT NULL REFERENCES evaluations (id),
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

-- Assess mode: why the judge could not score a run (judge_version_id set, score and passed NULL).
ALTER TABLE runs ADD COLUMN judge_error TEXT;
