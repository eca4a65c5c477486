-- Retry policy per binding (JSON, NULL = no retry).
ALTER TABLE bindings ADD COLUMN retry TEXT;
