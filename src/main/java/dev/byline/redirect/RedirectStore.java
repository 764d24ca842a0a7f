package dev.byline.redirect;

import dev.byline.store.Database;
import dev.byline.store.Tx;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;

/**
 * Owns the table of old addresses. Lookups happen only when a request found nothing else (or
 * names a WordPress query such as {@code /?p=123}), so a busy site pays nothing for it.
 *
 * <pre>{@code
 * redirects.put(tx, LegacyUrl.toArticle("/2024/04/08/ferry", articleId, "https://old.example"));
 * redirects.find("/2024/04/08/ferry").ifPresent(...);
 * }</pre>
 */
public final class RedirectStore {
  private final Database db;
  private final Clock clock;

  public RedirectStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** What storing one old address did. */
  public enum Stored {
    ADDED,
    UNCHANGED,
    REPLACED,
    /** Already there, leading elsewhere, and not replaced. */
    KEPT_OTHER
  }

  public Optional<LegacyUrl> find(String normalisedPath) {
    if (normalisedPath == null || normalisedPath.length() > LegacyPath.MAX_LENGTH)
      return Optional.empty();
    return db.read(tx -> find(tx, normalisedPath));
  }

  private static Optional<LegacyUrl> find(Tx tx, String path) {
    return tx.query("SELECT path, article_id, target, origin FROM legacy_url WHERE path = :p")
        .bind("p", path)
        .map(rs -> {
          long a = rs.getLong("article_id");
          Long article = rs.wasNull() ? null : a;
          return new LegacyUrl(
              rs.getString("path"), article, rs.getString("target"), rs.getString("origin"));
        })
        .findOne();
  }

  /**
   * Stores an old address inside the caller's transaction. An address already leading somewhere
   * else is replaced only when {@code replace} is set: the first import of a site owns its
   * addresses, and a later one cannot take them over unasked.
   */
  public Stored put(Tx tx, LegacyUrl url, boolean replace) {
    int n = tx.update("INSERT INTO legacy_url (path, article_id, target, origin, created_at) "
            + "VALUES (:p, :a, :t, :o, :at) ON CONFLICT (path) DO NOTHING")
        .bind("p", url.path())
        .bind("a", url.articleId())
        .bind("t", url.target())
        .bind("o", url.origin())
        .bind("at", clock.millis())
        .execute();
    if (n == 1) return Stored.ADDED;
    var existing = find(tx, url.path()).orElseThrow();
    if (java.util.Objects.equals(existing.articleId(), url.articleId())
        && existing.target().equals(url.target())) return Stored.UNCHANGED;
    if (!replace) return Stored.KEPT_OTHER;
    tx.update("UPDATE legacy_url SET article_id = :a, target = :t, origin = :o WHERE path = :p")
        .bind("p", url.path())
        .bind("a", url.articleId())
        .bind("t", url.target())
        .bind("o", url.origin())
        .execute();
    return Stored.REPLACED;
  }

  /** Stores many in one transaction: all or none. Returns how many of each outcome. */
  public java.util.Map<Stored, Integer> putAll(Collection<LegacyUrl> urls, boolean replace) {
    return db.inTransaction(tx -> {
      var counts = new java.util.EnumMap<Stored, Integer>(Stored.class);
      for (var s : Stored.values()) counts.put(s, 0);
      for (var u : urls) counts.merge(put(tx, u, replace), 1, Integer::sum);
      return counts;
    });
  }

  public int count() {
    return db.read(
        tx -> tx.query("SELECT COUNT(*) FROM legacy_url").mapTo(Integer.class).one());
  }
}
