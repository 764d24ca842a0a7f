-- Newsletter subscribers. address is lower-cased; status is pending (asked, not yet confirmed),
-- confirmed or unsubscribed. confirm_hash is SHA-256 of the one-time confirmation nonce, null
-- once used; unsubscribe_key signs the subscriber's unsubscribe link. Times are epoch ms.
CREATE TABLE newsletter_subscriber (
  id              INTEGER PRIMARY KEY,
  address         TEXT    NOT NULL UNIQUE,
  status          TEXT    NOT NULL,
  confirm_hash    TEXT,
  confirm_expires BIGINT,
  unsubscribe_key TEXT    NOT NULL,
  created_at      BIGINT  NOT NULL,
  confirmed_at    BIGINT,
  unsubscribed_at BIGINT
);

CREATE INDEX newsletter_subscriber_status ON newsletter_subscriber (status, id);

-- Proof of consent, one row per event (requested, confirmed, unsubscribed): the wording shown
-- and its version, the truncated client address and the hashed user agent, as consent_record.
CREATE TABLE newsletter_consent (
  id              INTEGER PRIMARY KEY,
  subscriber_id   BIGINT  NOT NULL REFERENCES newsletter_subscriber (id) ON DELETE CASCADE,
  event           TEXT    NOT NULL,
  wording_version TEXT    NOT NULL,
  wording         TEXT    NOT NULL,
  recorded_at     BIGINT  NOT NULL,
  ip_prefix       TEXT    NOT NULL,
  user_agent_hash TEXT    NOT NULL
);

CREATE INDEX newsletter_consent_by_subscriber ON newsletter_consent (subscriber_id, id);

-- Addresses never mailed again (a permanent SMTP failure, a bounce or complaint report), by
-- SHA-256 of the lower-cased address, so the list outlives the subscriber's deletion without
-- keeping the address itself.
CREATE TABLE newsletter_suppression (
  address_hash  TEXT   PRIMARY KEY,
  reason        TEXT   NOT NULL,
  detail        TEXT   NOT NULL DEFAULT '',
  suppressed_at BIGINT NOT NULL
);

-- One mailing: a daily briefing or a breaking alert. send_key makes creating it idempotent
-- (one briefing a day, one alert an article); payload is the stories as JSON, fixed when the
-- send is made so every recipient, and every retry, gets the same letter.
CREATE TABLE newsletter_send (
  id         INTEGER PRIMARY KEY,
  send_key   TEXT    NOT NULL UNIQUE,
  kind       TEXT    NOT NULL,
  subject    TEXT    NOT NULL,
  payload    TEXT    NOT NULL,
  created_by TEXT    NOT NULL DEFAULT '',
  created_at BIGINT  NOT NULL,
  recipients INTEGER NOT NULL DEFAULT 0
);

-- The outbound queue: one row per message, made in the same transaction as its send, so a send
-- reaches every confirmed subscriber or none. (send_id, subscriber_id) is unique: nobody is
-- queued twice for one send. status: pending, sending (claimed until next_at), sent, failed,
-- skipped (suppressed or unsubscribed before it went). message_id is the Message-ID header, the
-- same on every attempt. payload holds a confirmation mail's link nonce until it is sent.
CREATE TABLE newsletter_message (
  id            INTEGER PRIMARY KEY,
  send_id       BIGINT  REFERENCES newsletter_send (id) ON DELETE CASCADE,
  subscriber_id BIGINT  NOT NULL REFERENCES newsletter_subscriber (id) ON DELETE CASCADE,
  kind          TEXT    NOT NULL,
  message_id    TEXT    NOT NULL UNIQUE,
  status        TEXT    NOT NULL,
  attempts      INTEGER NOT NULL DEFAULT 0,
  next_at       BIGINT  NOT NULL,
  created_at    BIGINT  NOT NULL,
  sent_at       BIGINT,
  last_error    TEXT,
  payload       TEXT,
  UNIQUE (send_id, subscriber_id)
);

CREATE INDEX newsletter_message_due ON newsletter_message (next_at, id) WHERE status IN ('pending', 'sending');
CREATE INDEX newsletter_message_by_subscriber ON newsletter_message (subscriber_id);
