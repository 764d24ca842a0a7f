-- Changes a change-feed follower gave up on: each failed again and again while the changes after
-- it went through. What the follower derives from them may be stale until rebuilt.
CREATE TABLE change_skipped (
  follower  TEXT    NOT NULL,
  seq       BIGINT  NOT NULL,
  entity    TEXT    NOT NULL,
  entity_id BIGINT  NOT NULL,
  at        BIGINT  NOT NULL,
  attempts  INTEGER NOT NULL,
  error     TEXT    NOT NULL,
  PRIMARY KEY (follower, seq)
);
