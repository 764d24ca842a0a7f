-- How far each running node has applied the change feed to its own page cache, so that purges
-- sent to Varnish or a CDN wait until no node can still hand the cache a page from before the
-- change. One row per running process (node name and a per-start suffix); seen_at is its last
-- heartbeat in epoch milliseconds, and rows not seen for a while are ignored and later removed.
-- Unlogged: written many times a second and worth nothing after a crash (a restarted node
-- reports afresh), so its writes skip the write-ahead log and never wait for the disk.
CREATE UNLOGGED TABLE node_position (
  node     TEXT   PRIMARY KEY,
  position BIGINT NOT NULL,
  seen_at  BIGINT NOT NULL
);
