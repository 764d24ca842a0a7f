-- Two-factor sign-in (TOTP, RFC 6238) with single-use recovery codes, and sign-ins waiting for
-- their code. Times are epoch milliseconds (UTC).

-- One authenticator per user. active = 0 while enrolling (not yet confirmed with a code).
-- last_step is the newest 30-second step whose code was accepted: a code is never taken twice.
-- The secret is kept as it must be to check codes; see docs/security.md (Accounts) on backups.
CREATE TABLE user_totp (
  user_id    INTEGER PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
  secret     TEXT    NOT NULL,
  active     INTEGER NOT NULL DEFAULT 0,
  last_step  BIGINT  NOT NULL DEFAULT 0,
  created_at BIGINT  NOT NULL
);

-- Only a SHA-256 of each recovery code is kept; used_at is set when one is spent.
CREATE TABLE user_recovery_code (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  code_hash  TEXT    NOT NULL,
  used_at    BIGINT
);
CREATE INDEX user_recovery_code_by_user ON user_recovery_code (user_id);

-- A sign-in whose password was right and which waits for its code; only a hash of its token.
CREATE TABLE signin_pending (
  token_hash           TEXT    PRIMARY KEY,
  user_id              INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  expires_at           BIGINT  NOT NULL,
  ip                   TEXT    NOT NULL DEFAULT ''
);
