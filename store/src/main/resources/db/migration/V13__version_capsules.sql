-- Capsules: what is needed to run a model version again. Class files are content-addressed by the
-- lowercase hex SHA-256 of their bytes and stored once, whichever versions, models and projects
-- share them; a version's capsule names its classes in capsule_classes. A version whose function
-- could not be captured has a capsule row with runnable false and the reason. BYTEA holds bytes on
-- PostgreSQL; SQLite stores the blob as given. Times are microseconds since the epoch.

CREATE TABLE class_files (
    digest      VARCHAR(64)  PRIMARY KEY,
    size        INTEGER      NOT NULL,
    bytes       BYTEA        NOT NULL
);

CREATE TABLE version_capsules (
    version_id      VARCHAR(36)  PRIMARY KEY REFERENCES model_versions (id),
    runnable        BOOLEAN      NOT NULL,
    reason          TEXT,
    function_bytes  BYTEA,
    created_at      BIGINT       NOT NULL
);

CREATE TABLE capsule_classes (
    version_id  VARCHAR(36)   NOT NULL REFERENCES version_capsules (version_id),
    class_name  VARCHAR(1000) NOT NULL,
    digest      VARCHAR(64)   NOT NULL REFERENCES class_files (digest),
    PRIMARY KEY (version_id, class_name)
);

-- The class-file route checks that a digest belongs to a capsule of the caller's project.
CREATE INDEX capsule_classes_digest ON capsule_classes (digest);
