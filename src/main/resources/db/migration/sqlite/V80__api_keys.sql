-- Keys for the Content and Admin APIs. Only the SHA-256 of the secret is kept: the secret is shown
-- once, when the key is made. A revoked key stays listed, so the audit log's names still resolve.
CREATE TABLE api_key (
  id           INTEGER PRIMARY KEY,
  name         TEXT    NOT NULL,
  secret_hash  TEXT    NOT NULL UNIQUE,
  hint         TEXT    NOT NULL,
  scopes       TEXT    NOT NULL DEFAULT '',
  created_at   BIGINT  NOT NULL,
  created_by   INTEGER,
  revoked_at   BIGINT,
  last_used_at BIGINT
);
