-- Editors' choices of related reading per article: pinned links (shown first, in order) and
-- blocked ones (never offered). Times are epoch milliseconds (UTC).
CREATE TABLE related_choice (
  article_id BIGINT  NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  target_id  BIGINT  NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  kind       TEXT    NOT NULL CHECK (kind IN ('pin', 'block')),
  position   INTEGER NOT NULL DEFAULT 0,
  chosen_by  TEXT    NOT NULL DEFAULT '',
  chosen_at  BIGINT  NOT NULL,
  PRIMARY KEY (article_id, target_id),
  CHECK (article_id <> target_id)
);
CREATE INDEX related_choice_by_target ON related_choice (target_id);
