-- Proof of consent: one row per choice a reader made. Never the raw IP address.
CREATE TABLE consent_record (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  consent_id      TEXT    NOT NULL,
  policy_revision INTEGER NOT NULL,
  action          TEXT    NOT NULL CHECK (action IN ('accept-all', 'reject-all', 'custom')),
  categories      TEXT    NOT NULL,
  services        TEXT    NOT NULL,
  language        TEXT    NOT NULL,
  recorded_at     BIGINT  NOT NULL,
  ip_prefix       TEXT    NOT NULL,
  user_agent_hash TEXT    NOT NULL
);

CREATE INDEX consent_record_consent_id ON consent_record (consent_id);
CREATE INDEX consent_record_recorded_at ON consent_record (recorded_at);
