-- Foundation: content, media and the change feed. Times are epoch milliseconds (UTC).

CREATE TABLE change_feed (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  at         BIGINT  NOT NULL,
  entity     TEXT    NOT NULL,
  entity_id  BIGINT  NOT NULL,
  action     TEXT    NOT NULL,
  purge_keys TEXT    NOT NULL DEFAULT ''
);

CREATE TABLE section (
  id          INTEGER PRIMARY KEY,
  slug        TEXT    NOT NULL UNIQUE,
  name        TEXT    NOT NULL,
  description TEXT    NOT NULL DEFAULT '',
  position    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE topic (
  id   INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('person', 'place', 'organisation', 'subject'))
);

CREATE TABLE image (
  id          INTEGER PRIMARY KEY,
  storage_key TEXT    NOT NULL UNIQUE,
  mime        TEXT    NOT NULL,
  width       INTEGER NOT NULL,
  height      INTEGER NOT NULL,
  byte_size   BIGINT  NOT NULL,
  sha256      TEXT    NOT NULL,
  caption     TEXT    NOT NULL DEFAULT '',
  credit      TEXT    NOT NULL DEFAULT '',
  alt         TEXT    NOT NULL DEFAULT '',
  created_at  BIGINT  NOT NULL
);

CREATE TABLE image_variant (
  image_id    INTEGER NOT NULL REFERENCES image (id) ON DELETE CASCADE,
  width       INTEGER NOT NULL,
  height      INTEGER NOT NULL,
  mime        TEXT    NOT NULL,
  storage_key TEXT    NOT NULL,
  PRIMARY KEY (image_id, width)
);

CREATE TABLE author (
  id             INTEGER PRIMARY KEY,
  slug           TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  bio            TEXT NOT NULL DEFAULT '',
  photo_image_id INTEGER REFERENCES image (id)
);

CREATE TABLE article (
  id                 INTEGER PRIMARY KEY,
  slug               TEXT    NOT NULL UNIQUE,
  status             TEXT    NOT NULL CHECK (status IN ('draft', 'in_review', 'scheduled', 'published', 'unpublished')),
  headline           TEXT    NOT NULL,
  standfirst         TEXT    NOT NULL DEFAULT '',
  dateline           TEXT    NOT NULL DEFAULT '',
  source_name        TEXT    NOT NULL DEFAULT '',
  credit_line        TEXT    NOT NULL DEFAULT '',
  section_id         INTEGER REFERENCES section (id),
  featured_image_id  INTEGER REFERENCES image (id),
  body               TEXT    NOT NULL DEFAULT '[]',
  seo_title          TEXT    NOT NULL DEFAULT '',
  seo_description    TEXT    NOT NULL DEFAULT '',
  update_note        TEXT    NOT NULL DEFAULT '',
  first_published_at BIGINT,
  updated_at         BIGINT,
  scheduled_at       BIGINT,
  embargo_until      BIGINT,
  created_at         BIGINT  NOT NULL,
  modified_at        BIGINT  NOT NULL,
  version            INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX article_latest ON article (status, first_published_at DESC, id DESC);
CREATE INDEX article_section_latest ON article (section_id, status, first_published_at DESC, id DESC);
CREATE INDEX article_scheduled ON article (status, scheduled_at);

CREATE TABLE article_author (
  article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  author_id  INTEGER NOT NULL REFERENCES author (id),
  position   INTEGER NOT NULL,
  PRIMARY KEY (article_id, author_id)
);
CREATE INDEX article_author_by_author ON article_author (author_id, article_id);

CREATE TABLE article_topic (
  article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  topic_id   INTEGER NOT NULL REFERENCES topic (id),
  position   INTEGER NOT NULL,
  PRIMARY KEY (article_id, topic_id)
);
CREATE INDEX article_topic_by_topic ON article_topic (topic_id, article_id);

CREATE TABLE slug_redirect (
  old_slug   TEXT    PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE
);

-- Small facts a node must remember across restarts (e.g. that the demo newsroom was seeded).
CREATE TABLE site_state (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
