-- A correction may keep its version and carry a later time (docs/wire.md): every version
-- received is kept, so a version is unique by its number and its time together.

ALTER TABLE wire_item DROP CONSTRAINT wire_item_source_guid_version_key;
ALTER TABLE wire_item ADD CONSTRAINT wire_item_source_guid_version_created_key
  UNIQUE (source, guid, version, version_created);
