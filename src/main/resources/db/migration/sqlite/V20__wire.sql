-- Wire desk: every version of every item an agency sent, and one story row per (source, guid)
-- that says what the desk did with it. Times are epoch milliseconds (UTC).

CREATE TABLE wire_item (
  id              INTEGER PRIMARY KEY,
  source          TEXT    NOT NULL,
  guid            TEXT    NOT NULL,
  version         BIGINT  NOT NULL,
  version_created BIGINT  NOT NULL,
  received_at     BIGINT  NOT NULL,
  pub_status      TEXT    NOT NULL CHECK (pub_status IN ('usable', 'withheld', 'canceled')),
  embargo_until   BIGINT,
  kind            TEXT    NOT NULL,
  format          TEXT    NOT NULL,
  file_name       TEXT    NOT NULL DEFAULT '',
  item            TEXT    NOT NULL,
  -- stored image ids of the item's pictures, in order; "-" where a picture could not be had
  image_ids       TEXT    NOT NULL DEFAULT '',
  UNIQUE (source, guid, version)
);

CREATE TABLE wire_story (
  id              INTEGER PRIMARY KEY,
  source          TEXT    NOT NULL,
  guid            TEXT    NOT NULL,
  item_id         INTEGER NOT NULL REFERENCES wire_item (id),
  version         BIGINT  NOT NULL,
  version_created BIGINT  NOT NULL,
  state           TEXT    NOT NULL CHECK (state IN ('new', 'published', 'scheduled', 'draft', 'ignored', 'killed', 'withheld')),
  flag            TEXT    NOT NULL DEFAULT '',
  article_id      INTEGER REFERENCES article (id) ON DELETE SET NULL,
  kind            TEXT    NOT NULL,
  headline        TEXT    NOT NULL,
  search_text     TEXT    NOT NULL DEFAULT '',
  first_received  BIGINT  NOT NULL,
  updated_at      BIGINT  NOT NULL,
  UNIQUE (source, guid)
);
CREATE INDEX wire_story_latest ON wire_story (updated_at DESC, id DESC);
CREATE INDEX wire_story_article ON wire_story (article_id);

-- Which stories a package groups: its main text and its pictures, by the members' guids.
CREATE TABLE wire_package_member (
  story_id    INTEGER NOT NULL REFERENCES wire_story (id) ON DELETE CASCADE,
  member_guid TEXT    NOT NULL,
  role        TEXT    NOT NULL,
  position    INTEGER NOT NULL,
  PRIMARY KEY (story_id, position)
);
CREATE INDEX wire_package_member_by_guid ON wire_package_member (member_guid);
