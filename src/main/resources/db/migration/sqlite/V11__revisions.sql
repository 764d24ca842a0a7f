-- Every save of an article from the editor, with who saved it; the snapshot is the editor's form as JSON.
CREATE TABLE article_revision (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  version    INTEGER NOT NULL,
  kind       TEXT    NOT NULL,
  saved_by   INTEGER,
  saved_by_name TEXT NOT NULL DEFAULT '',
  saved_at   BIGINT  NOT NULL,
  snapshot   TEXT    NOT NULL
);
CREATE INDEX article_revision_by_article ON article_revision (article_id, id);
