#!/usr/bin/env bash
# pg-row-cost.sh: PostgreSQL backend CPU per new row of `runs`, as in migration V1 and without its
# foreign keys and/or secondary indexes (docs/benchmarks.md §4). Needs psql and a local PostgreSQL
# where user postgres may connect without a password and read /proc/self/stat (superuser). Creates
# and drops the database bhb_row_cost. Usage: bench/scripts/pg-row-cost.sh [ROUNDS] [ROWS]
set -euo pipefail
ROUNDS="${1:-5}"
ROWS="${2:-200000}"
PSQL=(psql -qAt -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres)

"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS bhb_row_cost" -c "CREATE DATABASE bhb_row_cost" >/dev/null
trap '"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS bhb_row_cost" >/dev/null' EXIT
"${PSQL[@]}" -d bhb_row_cost >/dev/null <<SQL
CREATE TABLE projects (id VARCHAR(36) PRIMARY KEY);
CREATE TABLE model_versions (id VARCHAR(36) PRIMARY KEY);
INSERT INTO projects VALUES ('11111111-1111-1111-1111-111111111111');
INSERT INTO model_versions VALUES ('22222222-2222-2222-2222-222222222222');
-- runs shaped like RawStoreIngest's: UUIDv7-like ids in time order, one project, one version
CREATE TABLE src AS SELECT
  lpad(to_hex(1700000000000 + i / 1000), 12, '0') || '-7' || lpad(to_hex(i % 4096), 3, '0') || '-8000-'
      || lpad(to_hex(i), 12, '0') AS id,
  '11111111-1111-1111-1111-111111111111'::varchar AS project_id,
  '22222222-2222-2222-2222-222222222222'::varchar AS model_version_id,
  (1700000000000 + i / 1000) * 1000 AS started_at, 150::bigint AS latency_ns, 'caller-0'::text AS thread,
  '{"a":' || i || ',"b":' || (i + 1) || '}' AS inputs, (2 * i + 1)::text AS output, '"Integer"'::text AS output_shape
  FROM generate_series(1, $ROWS) AS i;
VACUUM ANALYZE src;
-- runs as in V1__init.sql, with or without the two foreign keys and the three secondary indexes
CREATE FUNCTION make_runs(fks boolean, indexes boolean) RETURNS void LANGUAGE plpgsql AS \$\$
BEGIN
  DROP TABLE IF EXISTS runs;
  CREATE TABLE runs (
    id VARCHAR(36) PRIMARY KEY, project_id VARCHAR(36) NOT NULL, model_version_id VARCHAR(36) NOT NULL,
    parent_run_id VARCHAR(36), root_run_id VARCHAR(36), started_at BIGINT NOT NULL, latency_ns BIGINT NOT NULL,
    thread TEXT NOT NULL, inputs TEXT NOT NULL, output TEXT, output_shape TEXT, error_type TEXT,
    error_message TEXT, error_stack TEXT, judge_version_id VARCHAR(36), score DOUBLE PRECISION, passed BOOLEAN);
  IF fks THEN
    ALTER TABLE runs ADD FOREIGN KEY (project_id) REFERENCES projects (id);
    ALTER TABLE runs ADD FOREIGN KEY (model_version_id) REFERENCES model_versions (id);
  END IF;
  IF indexes THEN
    CREATE INDEX runs_version_started ON runs (model_version_id, started_at);
    CREATE INDEX runs_project_started ON runs (project_id, started_at);
    CREATE INDEX runs_root ON runs (root_run_id);
  END IF;
END \$\$;
SQL

CPU="SELECT clock_timestamp() AS at, (a[12]::bigint + a[13]::bigint) AS ticks
     FROM (SELECT string_to_array(split_part(pg_read_file('/proc/self/stat'), ') ', 2), ' ') AS a) s"
for round in $(seq 1 "$ROUNDS"); do
  for variant in "true,true:as in V1 (PK + 2 FKs + 3 indexes)" "false,true:without the FKs" \
      "true,false:FKs, without the indexes" "false,false:primary key only"; do
    result="$("${PSQL[@]}" -d bhb_row_cost <<SQL | tail -1
SELECT make_runs(${variant%%:*});
CHECKPOINT;
CREATE TEMP TABLE t0 AS $CPU;
INSERT INTO runs (id, project_id, model_version_id, started_at, latency_ns, thread, inputs, output, output_shape)
  SELECT * FROM src ON CONFLICT (id) DO NOTHING;
SELECT round(extract(epoch FROM t1.at - t0.at)::numeric * 1000) || ' ms wall, '
    || round((t1.ticks - t0.ticks) * 10000.0 / $ROWS, 1) || ' us backend CPU per row' FROM ($CPU) t1, t0;
SQL
)"
    echo "round $round, ${variant#*:}: $result; load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
