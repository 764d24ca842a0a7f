package dev.byline.content;

import dev.byline.store.Database;
import dev.byline.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Owns the {@code article_revision} table: every save from the editor, with who saved it and
 * what the form held. Written in the same unit of work as the save it records ({@link #record}),
 * so no save goes unrecorded.
 *
 * <pre>{@code
 * db.useTransaction(tx -> {
 *   int v = articles.update(tx, id, version, draft);
 *   revisions.record(tx, id, v, Revision.Kind.SAVE, user.id(), user.name(), json);
 * });
 * revisions.of(id).forEach(r -> show(r.savedByName(), r.savedAt()));
 * }</pre>
 */
public final class ArticleRevisions {
  /**
   * A list condition on the article's {@code id}: first saved in the editor by the user bound as
   * {@code :by}.
   */
  static final String CREATED_BY =
      "id IN (SELECT article_id FROM article_revision WHERE kind = 'create' AND saved_by = :by)";

  /** Autosaves by one person closer together than this are kept as one revision. */
  public static final Duration AUTOSAVE_COALESCE = Duration.ofMinutes(10);

  /** One saved state. {@code snapshot} is the editor's form as JSON, opaque here. */
  public record Revision(
      long id,
      long articleId,
      int version,
      Kind kind,
      Long savedBy,
      String savedByName,
      Instant savedAt,
      String snapshot) {}

  /** Why a revision was written. */
  public enum Kind {
    CREATE,
    SAVE,
    AUTOSAVE,
    RESTORE;

    public String dbValue() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Kind fromDb(String v) {
      return valueOf(v.toUpperCase(java.util.Locale.ROOT));
    }
  }

  private final Database db;
  private final Clock clock;

  public ArticleRevisions(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Records a save of the article, in the unit of work that saved it, so no save goes
   * unrecorded. {@code version} is the version the save made. Autosaves by one person within
   * {@link #AUTOSAVE_COALESCE} of their last autosave replace it rather than piling up.
   */
  public void record(
      Tx tx,
      long articleId,
      int version,
      Kind kind,
      Long userId,
      String userName,
      String snapshot) {
    long now = clock.millis();
    if (kind == Kind.AUTOSAVE && userId != null) {
      var last = tx.query(
              "SELECT id, kind, saved_by, saved_at FROM article_revision WHERE article_id = :a "
                  + "ORDER BY id DESC LIMIT 1")
          .bind("a", articleId)
          .map(rs -> new long[] {
            rs.getLong("id"),
            rs.getString("kind").equals("autosave") ? 1 : 0,
            rs.getLong("saved_by"),
            rs.getLong("saved_at")
          })
          .findOne();
      if (last.isPresent()
          && last.get()[1] == 1
          && last.get()[2] == userId
          && now - last.get()[3] < AUTOSAVE_COALESCE.toMillis()) {
        tx.update(
                "UPDATE article_revision SET version = :v, saved_at = :at, snapshot = :s WHERE id = :id")
            .bind("v", version)
            .bind("at", now)
            .bind("s", snapshot)
            .bind("id", last.get()[0])
            .execute();
        return;
      }
    }
    tx.update(
            "INSERT INTO article_revision (article_id, version, kind, saved_by, saved_by_name, saved_at, snapshot) "
                + "VALUES (:a, :v, :k, :by, :name, :at, :s)")
        .bind("a", articleId)
        .bind("v", version)
        .bind("k", kind.dbValue())
        .bind("by", userId)
        .bind("name", userName == null ? "" : userName)
        .bind("at", now)
        .bind("s", snapshot)
        .execute();
  }

  /** Newest first. */
  public List<Revision> of(long articleId) {
    return db.read(
        tx -> tx.query("SELECT * FROM article_revision WHERE article_id = :a ORDER BY id DESC")
            .bind("a", articleId)
            .map(rs -> toRevision(rs))
            .list());
  }

  public Optional<Revision> byId(long articleId, long revisionId) {
    return db.read(
        tx -> tx.query("SELECT * FROM article_revision WHERE article_id = :a AND id = :id")
            .bind("a", articleId)
            .bind("id", revisionId)
            .map(rs -> toRevision(rs))
            .findOne());
  }

  public Optional<Revision> latest(long articleId) {
    return db.read(tx -> tx.query(
            "SELECT * FROM article_revision WHERE article_id = :a ORDER BY id DESC LIMIT 1")
        .bind("a", articleId)
        .map(rs -> toRevision(rs))
        .findOne());
  }

  /** The user who created the article in the editor; empty for wire copy and imports. */
  public Optional<Long> creator(long articleId) {
    return db.read(tx -> tx.query("SELECT saved_by FROM article_revision WHERE article_id = :a "
            + "AND kind = 'create' AND saved_by IS NOT NULL ORDER BY id LIMIT 1")
        .bind("a", articleId)
        .mapTo(Long.class)
        .findOne());
  }

  private static Revision toRevision(ResultSet rs) throws SQLException {
    long by = rs.getLong("saved_by");
    Long savedBy = rs.wasNull() ? null : by;
    return new Revision(
        rs.getLong("id"),
        rs.getLong("article_id"),
        rs.getInt("version"),
        Kind.fromDb(rs.getString("kind")),
        savedBy,
        rs.getString("saved_by_name"),
        Instant.ofEpochMilli(rs.getLong("saved_at")),
        rs.getString("snapshot"));
  }
}
