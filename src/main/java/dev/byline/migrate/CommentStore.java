package dev.byline.migrate;

import dev.byline.content.Text;
import dev.byline.store.Database;
import dev.byline.store.Tx;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/**
 * Owns the comments a migrated site brought along. Byline shows no comments yet, so they are
 * kept (author, address, date, status, text; never the commenter's IP address) and can be
 * exported, and nothing reads them onto a page.
 */
public final class CommentStore {
  private final Database db;

  public CommentStore(Database db) {
    this.db = db;
  }

  /** A comment to keep. {@code status} is "approved" or "pending"; spam and trash are not kept. */
  record Comment(
      String origin,
      String sourceId,
      long articleId,
      String parentId,
      String authorName,
      String authorEmail,
      String authorUrl,
      Instant postedAt,
      String status,
      String kind,
      String body) {}

  void add(Tx tx, Comment c) {
    tx.update(
            "INSERT INTO imported_comment (origin, source_id, article_id, parent_id, author_name, "
                + "author_email, author_url, posted_at, status, kind, body) VALUES (:o, :s, :a, :p, :n, :e, :u, :at, "
                + ":st, :k, :b) ON CONFLICT (origin, source_id) DO NOTHING")
        .bind("o", c.origin())
        .bind("s", c.sourceId())
        .bind("a", c.articleId())
        .bind("p", c.parentId())
        .bind("n", c.authorName())
        .bind("e", c.authorEmail())
        .bind("u", c.authorUrl())
        .bind("at", c.postedAt() == null ? null : c.postedAt().toEpochMilli())
        .bind("st", c.status())
        .bind("k", c.kind())
        .bind("b", c.body())
        .execute();
  }

  public int count() {
    return db.read(tx ->
        tx.query("SELECT COUNT(*) FROM imported_comment").mapTo(Integer.class).one());
  }

  /**
   * Writes every kept comment as CSV (RFC 4180, spreadsheet-safe cells), oldest first per
   * article: article id, article slug, comment id, parent id, author, email, URL, date, status,
   * kind, text. Returns how many were written.
   */
  public int exportCsv(Writer out) throws IOException {
    out.write(
        "article_id,article_slug,origin,comment_id,parent_id,author,email,url,posted_at,status,kind,text\r\n");
    var n = new int[1];
    try {
      db.read(tx -> {
        tx.query("SELECT c.*, a.slug FROM imported_comment c JOIN article a ON a.id = "
                + "c.article_id ORDER BY c.article_id, c.posted_at, c.id")
            .fetchSize(500)
            .map(rs -> {
              long at = rs.getLong("posted_at");
              var when = rs.wasNull() ? "" : Instant.ofEpochMilli(at).toString();
              return String.join(
                  ",",
                  Long.toString(rs.getLong("article_id")),
                  Text.csvCell(rs.getString("slug")),
                  Text.csvCell(rs.getString("origin")),
                  Text.csvCell(rs.getString("source_id")),
                  Text.csvCell(rs.getString("parent_id")),
                  Text.csvCell(rs.getString("author_name")),
                  Text.csvCell(rs.getString("author_email")),
                  Text.csvCell(rs.getString("author_url")),
                  when,
                  rs.getString("status"),
                  Text.csvCell(rs.getString("kind")),
                  Text.csvCell(rs.getString("body")));
            })
            .forEach(line -> {
              try {
                out.write(line);
                out.write("\r\n");
                n[0]++;
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
        return null;
      });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    return n[0];
  }
}
