-- Moving a site onto Byline: old addresses that answer 301, what an import brought in (so a
-- second run adds nothing twice), and the old site's comments, kept but not shown.
-- Times are epoch milliseconds (UTC).

-- An old address and where it leads now. With article_id set, it leads to that article, and
-- only while it is published; target, when not empty, is the address to send readers to instead
-- (a section, a topic, an author, an image file).
CREATE TABLE legacy_url (
  path       TEXT    PRIMARY KEY,
  article_id INTEGER REFERENCES article (id) ON DELETE CASCADE,
  target     TEXT    NOT NULL DEFAULT '',
  origin     TEXT    NOT NULL DEFAULT '',
  created_at BIGINT  NOT NULL
);
CREATE INDEX legacy_url_article ON legacy_url (article_id);

-- One row per item of an export that an import has dealt with, whatever it did with it.
CREATE TABLE migration_item (
  origin      TEXT    NOT NULL,
  kind        TEXT    NOT NULL,
  source_id   TEXT    NOT NULL,
  target_id   BIGINT,
  outcome     TEXT    NOT NULL,
  parent_id   TEXT    NOT NULL DEFAULT '',
  file_key    TEXT    NOT NULL DEFAULT '',
  legacy      TEXT    NOT NULL DEFAULT '',
  imported_at BIGINT  NOT NULL,
  PRIMARY KEY (origin, kind, source_id)
);
CREATE INDEX migration_item_parent ON migration_item (origin, kind, parent_id);
CREATE INDEX migration_item_file ON migration_item (origin, file_key);

CREATE TABLE imported_comment (
  id           INTEGER PRIMARY KEY,
  origin       TEXT    NOT NULL,
  source_id    TEXT    NOT NULL,
  article_id   INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  parent_id    TEXT    NOT NULL DEFAULT '',
  author_name  TEXT    NOT NULL DEFAULT '',
  author_email TEXT    NOT NULL DEFAULT '',
  author_url   TEXT    NOT NULL DEFAULT '',
  posted_at    BIGINT,
  status       TEXT    NOT NULL CHECK (status IN ('approved', 'pending')),
  kind         TEXT    NOT NULL,
  body         TEXT    NOT NULL,
  UNIQUE (origin, source_id)
);
CREATE INDEX imported_comment_article ON imported_comment (article_id, posted_at);
