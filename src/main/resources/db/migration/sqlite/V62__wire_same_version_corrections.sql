-- A correction may keep its version and carry a later time (docs/wire.md): every version
-- received is kept, so a version is unique by its number and its time together.
-- SQLite cannot drop a table's UNIQUE constraint: the table is rebuilt. wire_story refers to
-- wire_item, so foreign keys are checked at commit, once the rows are back under the same ids.

PRAGMA defer_foreign_keys = ON;

CREATE TABLE wire_item_before_v62 AS SELECT * FROM wire_item;
DROP TABLE wire_item;

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
  UNIQUE (source, guid, version, version_created)
);

INSERT INTO wire_item (id, source, guid, version, version_created, received_at, pub_status,
    embargo_until, kind, format, file_name, item, image_ids)
  SELECT id, source, guid, version, version_created, received_at, pub_status,
    embargo_until, kind, format, file_name, item, image_ids
  FROM wire_item_before_v62;

DROP TABLE wire_item_before_v62;
