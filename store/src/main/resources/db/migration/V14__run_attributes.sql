-- Run attributes: a JSON object per run (token counts, cost, response model, free-form), the same
-- text on both databases in runs.attributes (null when the run has none).
--
-- run_attributes indexes the top-level scalar attributes for GET …/runs?attr.key=value: one row per
-- (run, key) with the value as text (a string as is, a number or boolean in its JSON form). Written
-- only for runs that carry attributes and only when the run was new, so the ingest path of every
-- other run stays as it was measured. Values longer than 256 characters, objects and arrays are kept
-- in runs.attributes only (a btree entry must stay small). One portable table rather than jsonb +
-- GIN on PostgreSQL: equality on (project, key, value) is all the filter needs, and both databases
-- answer it from the same index.

ALTER TABLE runs ADD COLUMN attributes TEXT;

CREATE TABLE run_attributes (
    project_id  VARCHAR(36)   NOT NULL,
    run_id      VARCHAR(36)   NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    value       VARCHAR(256)  NOT NULL,
    PRIMARY KEY (project_id, run_id, name)
);

CREATE INDEX run_attributes_value ON run_attributes (project_id, name, value, run_id);
