package dev.byline.curation;

import dev.byline.content.InvalidInput;
import dev.byline.pages.Menus;
import dev.byline.store.ChangeFeed;
import dev.byline.store.Database;
import dev.byline.store.SurrogateKey;
import dev.byline.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Owns {@code breaking_news}. One banner is up at a time: raising one takes the last one down.
 * Every change appends {@link SurrogateKey#BREAKING}, which only the banner's own small fragment
 * declares, so raising, changing or clearing it never purges a page.
 *
 * <pre>{@code
 * db.useTransaction(tx -> breaking.raise(tx, "Parliament dissolved", "/politics/vote", in2h, "Eda"));
 * breaking.current(); // until in2h, or until cleared
 * }</pre>
 */
public final class BreakingDesk {
  static final Set<String> KEYS = Set.of(SurrogateKey.BREAKING);

  private final Database db;
  private final ChangeFeed feed;
  private final Clock clock;

  public BreakingDesk(Database db, ChangeFeed feed, Clock clock) {
    this.db = db;
    this.feed = feed;
    this.clock = clock;
  }

  /** Puts a banner up until {@code expiresAt}, in place of any other. Returns its id. */
  public long raise(Tx tx, String text, String url, Instant expiresAt, String raisedBy) {
    var now = clock.instant();
    if (expiresAt == null || !expiresAt.isAfter(now))
      throw new InvalidInput("expiry", "must be a time in the future");
    var address = url == null || url.isBlank() ? "" : Menus.checkedAddress("link", url);
    var checked = new BreakingNews(1, text, address, now, expiresAt);
    tx.update("UPDATE breaking_news SET cleared = 1 WHERE cleared = 0").execute();
    long id = tx.query("INSERT INTO breaking_news (text, url, raised_at, raised_by, expires_at) "
            + "VALUES (:text, :url, :now, :by, :expires) RETURNING id")
        .bind("text", checked.text())
        .bind("url", checked.url())
        .bind("now", now.toEpochMilli())
        .bind("by", raisedBy == null ? "" : raisedBy)
        .bind("expires", expiresAt.toEpochMilli())
        .mapTo(Long.class)
        .one();
    feed.append(tx, "breaking", id, "raised", KEYS);
    return id;
  }

  /** Takes the banner down now; nothing happens when none is up. */
  public void clear(Tx tx) {
    int n = tx.update("UPDATE breaking_news SET cleared = 1 WHERE cleared = 0").execute();
    if (n > 0) feed.append(tx, "breaking", 0, "cleared", KEYS);
  }

  /** The banner up now, if any. */
  public Optional<BreakingNews> current() {
    return db.read(tx -> tx.query("SELECT * FROM breaking_news WHERE cleared = 0 AND expired = 0 "
            + "AND expires_at > :now ORDER BY id DESC")
        .bind("now", clock.millis())
        .map(BreakingDesk::toNews)
        .findFirst());
  }

  /**
   * Marks banners whose time has come as expired, appending one change, so the cached fragment
   * is purged; returns how many. Claimed row by row, so several nodes announce it once.
   */
  public int expireDue() {
    long now = clock.millis();
    return db.inTransaction(tx -> {
      var due = tx.query("SELECT id FROM breaking_news WHERE expired = 0 AND expires_at <= :now")
          .bind("now", now)
          .mapTo(Long.class)
          .list();
      int claimed = 0;
      for (long id : due) {
        claimed += tx.update("UPDATE breaking_news SET expired = 1 WHERE id = :id AND expired = 0")
            .bind("id", id)
            .execute();
      }
      if (claimed > 0) feed.append(tx, "breaking", due.get(0), "expired", KEYS);
      return claimed;
    });
  }

  private static BreakingNews toNews(ResultSet rs) throws SQLException {
    return new BreakingNews(
        rs.getLong("id"),
        rs.getString("text"),
        rs.getString("url"),
        Instant.ofEpochMilli(rs.getLong("raised_at")),
        Instant.ofEpochMilli(rs.getLong("expires_at")));
  }
}
