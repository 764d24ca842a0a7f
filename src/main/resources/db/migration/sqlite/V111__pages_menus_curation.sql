-- Pages: the site's own standing texts (About, Contact, Imprint, Privacy...), at /page/{slug}.
-- markdown is what the editor typed, body the blocks made from it (the article body's JSON
-- format). Times are epoch milliseconds; published_at is null until first published.
CREATE TABLE site_page (
  id           INTEGER PRIMARY KEY,
  slug         TEXT    NOT NULL UNIQUE,
  title        TEXT    NOT NULL,
  summary      TEXT    NOT NULL DEFAULT '',
  markdown     TEXT    NOT NULL DEFAULT '',
  body         TEXT    NOT NULL DEFAULT '[]',
  status       TEXT    NOT NULL DEFAULT 'draft',
  published_at BIGINT,
  updated_at   BIGINT,
  created_at   BIGINT  NOT NULL,
  modified_at  BIGINT  NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1
);

-- Every save of a page, with who saved it and what it held then.
CREATE TABLE site_page_revision (
  id            INTEGER PRIMARY KEY,
  page_id       INTEGER NOT NULL REFERENCES site_page (id) ON DELETE CASCADE,
  version       INTEGER NOT NULL,
  saved_by      INTEGER,
  saved_by_name TEXT    NOT NULL DEFAULT '',
  saved_at      BIGINT  NOT NULL,
  title         TEXT    NOT NULL,
  summary       TEXT    NOT NULL DEFAULT '',
  markdown      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX site_page_revision_by_page ON site_page_revision (page_id, version);

-- Header and footer menus. kind is section, page, topic or link; target_id names the section,
-- page or topic, url the external link; an empty label shows the target's own name.
CREATE TABLE menu_item (
  id        INTEGER PRIMARY KEY,
  menu      TEXT    NOT NULL,
  position  INTEGER NOT NULL,
  kind      TEXT    NOT NULL,
  target_id BIGINT,
  url       TEXT    NOT NULL DEFAULT '',
  label     TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX menu_item_by_menu ON menu_item (menu, position);

-- Named collections of stories ("Election 2026"), shown as a block on the front page
-- (on_front 1) and/or on one section's front (section_id).
CREATE TABLE story_collection (
  id         INTEGER PRIMARY KEY,
  name       TEXT    NOT NULL,
  on_front   INTEGER NOT NULL DEFAULT 0,
  section_id INTEGER REFERENCES section (id),
  position   INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT  NOT NULL
);

-- Editors' pins: place is 'lead', 'top' or 'collection'; a collection pin names its collection.
-- expires_at (epoch ms) is when the pin stops showing; expired turns 1 once that has been
-- announced on the change feed, so every cached page that showed it is purged exactly once.
CREATE TABLE story_pin (
  id            INTEGER PRIMARY KEY,
  place         TEXT    NOT NULL,
  collection_id INTEGER REFERENCES story_collection (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  article_id    INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  pinned_at     BIGINT  NOT NULL,
  expires_at    BIGINT,
  expired       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX story_pin_by_place ON story_pin (place, collection_id, position);
CREATE INDEX story_pin_pending_expiry ON story_pin (expires_at) WHERE expired = 0 AND expires_at IS NOT NULL;

-- The breaking-news banner: the newest row not cleared or expired shows on every page.
CREATE TABLE breaking_news (
  id         INTEGER PRIMARY KEY,
  text       TEXT    NOT NULL,
  url        TEXT    NOT NULL DEFAULT '',
  raised_at  BIGINT  NOT NULL,
  raised_by  TEXT    NOT NULL DEFAULT '',
  expires_at BIGINT  NOT NULL,
  cleared    INTEGER NOT NULL DEFAULT 0,
  expired    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX breaking_news_pending_expiry ON breaking_news (expires_at) WHERE expired = 0;
