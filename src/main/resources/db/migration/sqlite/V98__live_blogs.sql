-- Live coverage of an article: when it started, when it ended and the summary it ended with.
-- Times are epoch milliseconds; ended_at is null while the coverage is live.
CREATE TABLE live_coverage (
  article_id INTEGER  PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
  started_at BIGINT  NOT NULL,
  ended_at   BIGINT,
  summary    TEXT    NOT NULL DEFAULT ''
);

-- The timestamped posts of a live coverage. body holds the blocks (the article body's JSON
-- format) made from markdown, which is kept for editing. A deleted post keeps its row, so a
-- reader's page that already showed it learns that it is gone; flags are 0 or 1.
CREATE TABLE live_post (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER  NOT NULL REFERENCES live_coverage (article_id) ON DELETE CASCADE,
  posted_at  BIGINT  NOT NULL,
  edited_at  BIGINT,
  posted_by  TEXT    NOT NULL DEFAULT '',
  markdown   TEXT    NOT NULL,
  body       TEXT    NOT NULL,
  key_point  INTEGER NOT NULL DEFAULT 0,
  pinned     INTEGER NOT NULL DEFAULT 0,
  deleted    INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX live_post_by_article ON live_post (article_id, id);
