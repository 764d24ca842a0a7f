-- Newsroom accounts, sessions, sign-in throttling and the audit log. Times are epoch milliseconds (UTC).

CREATE TABLE app_user (
  id                   INTEGER PRIMARY KEY,
  email                TEXT    NOT NULL UNIQUE,
  name                 TEXT    NOT NULL,
  role                 TEXT    NOT NULL CHECK (role IN ('writer', 'editor', 'admin')),
  password_hash        TEXT    NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  disabled             INTEGER NOT NULL DEFAULT 0,
  created_at           BIGINT  NOT NULL
);

-- Only a SHA-256 of the session token is kept, so a copy of this table signs nobody in.
CREATE TABLE user_session (
  token_hash   TEXT    PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at   BIGINT  NOT NULL,
  last_seen_at BIGINT  NOT NULL,
  expires_at   BIGINT  NOT NULL,
  ip           TEXT    NOT NULL DEFAULT '',
  user_agent   TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX user_session_by_user ON user_session (user_id);

CREATE TABLE login_failure (
  id    INTEGER PRIMARY KEY,
  at    BIGINT NOT NULL,
  email TEXT   NOT NULL,
  ip    TEXT   NOT NULL
);
CREATE INDEX login_failure_by_email ON login_failure (email, at);
CREATE INDEX login_failure_by_ip ON login_failure (ip, at);

CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY,
  at           BIGINT  NOT NULL,
  user_id      INTEGER,
  user_name    TEXT    NOT NULL DEFAULT '',
  action       TEXT    NOT NULL,
  subject_type TEXT    NOT NULL DEFAULT '',
  subject_id   BIGINT,
  detail       TEXT    NOT NULL DEFAULT '',
  ip           TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_latest ON audit_log (at DESC, id DESC);
