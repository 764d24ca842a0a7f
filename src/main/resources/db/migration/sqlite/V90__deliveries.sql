-- Webhook subscriptions and the outbound delivery queue (webhooks and cache purges), filled
-- from the change feed. Each delivery is one change for one target; its idempotency key makes
-- enqueueing the same change twice a no-op, so delivery is at least once, never duplicated here.
CREATE TABLE webhook_subscription (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  url        TEXT    NOT NULL,
  secret     TEXT    NOT NULL,
  events     TEXT    NOT NULL,
  active     INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT  NOT NULL
);

CREATE TABLE delivery (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  target          TEXT    NOT NULL,
  idempotency_key TEXT    NOT NULL UNIQUE,
  change_seq      BIGINT  NOT NULL,
  order_key       TEXT    NOT NULL,
  event           TEXT    NOT NULL,
  payload         TEXT    NOT NULL,
  status          TEXT    NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_at         BIGINT  NOT NULL,
  created_at      BIGINT  NOT NULL,
  done_at         BIGINT,
  last_status     INTEGER,
  last_error      TEXT
);
CREATE INDEX delivery_due ON delivery (target, status, next_at);
CREATE INDEX delivery_order ON delivery (target, order_key, status, id);

-- How far the queue has read the change feed, moved in the same transaction as the enqueue.
CREATE TABLE delivery_cursor (
  name TEXT   PRIMARY KEY,
  seq  BIGINT NOT NULL
);
