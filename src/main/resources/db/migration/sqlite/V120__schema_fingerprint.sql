-- A digest of the migration scripts last applied in full, written after each successful
-- migration. A start-up whose own scripts have the same digest knows from one query that the
-- schema is current and skips Flyway's scan and validation, the largest part of starting.
CREATE TABLE schema_fingerprint (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  fingerprint TEXT    NOT NULL,
  recorded_at TEXT    NOT NULL
);
