-- One row per node, rewritten by the readiness check to prove the database takes writes.
CREATE TABLE health_probe (
  node VARCHAR(200) PRIMARY KEY,
  checked_at BIGINT NOT NULL
);
