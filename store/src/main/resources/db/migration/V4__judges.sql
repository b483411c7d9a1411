-- Judges: a judge is (project, name); each version is identified by its key. Code judges key on the
-- code fingerprints of their rubric and criterion, declarative judges on the SHA-256 of their spec.
-- As for model versions, the two unique constraints make version assignment safe with many writers.

CREATE TABLE judges (
    id          VARCHAR(36)  PRIMARY KEY,
    project_id  VARCHAR(36)  NOT NULL REFERENCES projects (id),
    name        VARCHAR(800) NOT NULL,
    created_at  BIGINT       NOT NULL,
    UNIQUE (project_id, name)
);

-- kind: code, exact, contains, regex, tolerance or llm. spec_json: a declarative judge's spec (all
-- it needs to run in any process), or a code judge's signature. code: a code judge's source text or
-- bytecode listing, empty for declarative judges. No secret is ever stored here.
CREATE TABLE judge_versions (
    id           VARCHAR(36)  PRIMARY KEY,
    judge_id     VARCHAR(36)  NOT NULL REFERENCES judges (id),
    version      INTEGER      NOT NULL CHECK (version > 0),
    judge_key    VARCHAR(64)  NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    description  TEXT         NOT NULL,
    spec_json    TEXT         NOT NULL,
    code         TEXT         NOT NULL,
    metadata     TEXT         NOT NULL,
    created_at   BIGINT       NOT NULL,
    UNIQUE (judge_id, judge_key),
    UNIQUE (judge_id, version)
);
