-- Interlock schema, version 1. Portable between SQLite and PostgreSQL: TEXT, BIGINT, INTEGER only.
-- Instants are stored as ISO-8601 text (exact) plus epoch milliseconds where rows are ordered or pruned.

CREATE TABLE actions (
  id               TEXT    NOT NULL PRIMARY KEY,
  name             TEXT    NOT NULL,
  trigger_id       TEXT    NOT NULL,
  code             TEXT    NOT NULL,
  runtime          TEXT    NOT NULL,
  dependencies     TEXT    NOT NULL,
  secrets          TEXT,
  deployed_version INTEGER,
  revision         BIGINT  NOT NULL,
  created_at       TEXT,
  created_ms       BIGINT,
  updated_at       TEXT
);
CREATE INDEX actions_by_trigger ON actions (trigger_id, created_ms);

CREATE TABLE action_versions (
  action_id    TEXT    NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
  number       INTEGER NOT NULL,
  id           TEXT    NOT NULL,
  code         TEXT    NOT NULL,
  runtime      TEXT    NOT NULL,
  dependencies TEXT    NOT NULL,
  secrets      TEXT,
  created_at   TEXT,
  PRIMARY KEY (action_id, number)
);

CREATE TABLE binding_sets (
  trigger_id TEXT   NOT NULL PRIMARY KEY,
  revision   BIGINT NOT NULL
);

CREATE TABLE bindings (
  trigger_id    TEXT    NOT NULL REFERENCES binding_sets (trigger_id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  id            TEXT    NOT NULL,
  action_id     TEXT    NOT NULL,
  display_name  TEXT    NOT NULL,
  configuration TEXT    NOT NULL,
  PRIMARY KEY (trigger_id, position)
);

CREATE TABLE executions (
  id         TEXT   NOT NULL PRIMARY KEY,
  trigger_id TEXT   NOT NULL,
  status     TEXT   NOT NULL,
  state      TEXT,
  created_ms BIGINT,
  updated_ms BIGINT,
  record     TEXT   NOT NULL,
  snapshot   TEXT
);
CREATE INDEX executions_by_state ON executions (state);
CREATE INDEX executions_by_status ON executions (status, created_ms);
CREATE INDEX executions_by_updated ON executions (updated_ms);

-- bumped in the same transaction as every change to what flows run; other nodes poll it
CREATE TABLE change_counter (
  id      INTEGER NOT NULL PRIMARY KEY,
  counter BIGINT  NOT NULL
);
INSERT INTO change_counter (id, counter) VALUES (1, 0);
