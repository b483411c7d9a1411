-- Datasets: a dataset is (project, name); each version is identified by its content key, the
-- SHA-256 of the RFC 8785 canonical JSON of its rows. Version numbers are assigned like model
-- versions: insert-if-absent of max + 1, guarded by the two unique constraints, retried on conflict.
-- A version and all its rows are written in one transaction, so no reader sees half a version.

CREATE TABLE datasets (
    id          VARCHAR(36)  PRIMARY KEY,
    project_id  VARCHAR(36)  NOT NULL REFERENCES projects (id),
    name        VARCHAR(800) NOT NULL,
    created_at  BIGINT       NOT NULL,
    UNIQUE (project_id, name)
);

-- description is the first uploader's: the key covers the rows only, so an upload of the same rows
-- with another description gets the existing version and leaves its description as it was.
CREATE TABLE dataset_versions (
    id           VARCHAR(36)  PRIMARY KEY,
    dataset_id   VARCHAR(36)  NOT NULL REFERENCES datasets (id),
    version      INTEGER      NOT NULL CHECK (version > 0),
    content_key  VARCHAR(64)  NOT NULL,
    description  TEXT         NOT NULL,
    row_count    INTEGER      NOT NULL CHECK (row_count > 0),
    created_at   BIGINT       NOT NULL,
    UNIQUE (dataset_id, content_key),
    UNIQUE (dataset_id, version)
);

-- idx counts from 0 in upload order; the primary key serves paging by index.
-- expected_json is NULL when the row has no expected value, the text null when it is JSON null.
CREATE TABLE dataset_rows (
    dataset_version_id  VARCHAR(36)  NOT NULL REFERENCES dataset_versions (id),
    idx                 INTEGER      NOT NULL CHECK (idx >= 0),
    input_json          TEXT         NOT NULL,
    expected_json       TEXT,
    PRIMARY KEY (dataset_version_id, idx)
);
