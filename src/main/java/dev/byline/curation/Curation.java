package dev.byline.curation;

import dev.byline.content.ArticleStatus;
import dev.byline.content.ArticleStore;
import dev.byline.content.InvalidInput;
import dev.byline.content.SectionStore;
import dev.byline.store.ChangeFeed;
import dev.byline.store.Database;
import dev.byline.store.SurrogateKey;
import dev.byline.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Owns {@code story_pin} and {@code story_collection}. Every change appends {@link #KEYS} to the
 * change feed: the front page and every page that shows a collection declare them.
 *
 * <pre>{@code
 * db.useTransaction(tx -> curation.pin(tx, Place.LEAD, null, storyId, now.plus(Duration.ofHours(6))));
 * curation.showing(now); // the lead pin, until six hours from now
 * }</pre>
 */
public final class Curation {
  /** The front page's top-stories slots: as many as its design shows beside the lead. */
  public static final int TOP_SLOTS = 4;

  /** Stories one collection holds: a block, not an archive. */
  public static final int MAX_IN_COLLECTION = 12;

  /** What a curation change purges. */
  public static final Set<String> KEYS = Set.of(SurrogateKey.FRONT, SurrogateKey.CURATION);

  private final Database db;
  private final ChangeFeed feed;
  private final ArticleStore articles;
  private final SectionStore sections;
  private final Clock clock;

  public Curation(
      Database db, ChangeFeed feed, ArticleStore articles, SectionStore sections, Clock clock) {
    this.db = db;
    this.feed = feed;
    this.articles = articles;
    this.sections = sections;
    this.clock = clock;
  }

  /**
   * Pins a published story. A new lead replaces the old one; a story already pinned in the
   * place is refused, as is one more than the place holds.
   */
  public long pin(Tx tx, Place place, Long collectionId, long articleId, Instant expiresAt) {
    var status = articles
        .statusOf(tx, articleId)
        .orElseThrow(() -> new InvalidInput("story", "does not exist"));
    if (status != ArticleStatus.PUBLISHED)
      throw new InvalidInput("story", "is not published; only published stories can be pinned");
    if (expiresAt != null && !expiresAt.isAfter(clock.instant()))
      throw new InvalidInput("expiry", "is in the past; give a later time or none");
    if (place == Place.COLLECTION) {
      if (collectionId == null || collection(tx, collectionId) == null)
        throw new InvalidInput("collection", "does not exist");
    } else {
      collectionId = null;
    }
    var current = inPlace(tx, place, collectionId);
    if (place == Place.LEAD) {
      tx.update("DELETE FROM story_pin WHERE place = 'lead'").execute();
      current = List.of();
    }
    if (current.stream().anyMatch(p -> p.articleId() == articleId))
      throw new InvalidInput("story", "is already pinned there");
    int max = place == Place.TOP ? TOP_SLOTS : MAX_IN_COLLECTION;
    if (current.size() >= max)
      throw new InvalidInput(place.dbValue(), "already holds " + max + " stories; unpin one first");
    int position = current.isEmpty() ? 1 : current.get(current.size() - 1).position() + 1;
    long id = tx.query("INSERT INTO story_pin (place, collection_id, position, article_id, "
            + "pinned_at, expires_at) VALUES (:place, :collection, :position, :article, :now, "
            + ":expires) RETURNING id")
        .bind("place", place.dbValue())
        .bind("collection", collectionId)
        .bind("position", position)
        .bind("article", articleId)
        .bind("now", clock.millis())
        .bind("expires", expiresAt == null ? null : expiresAt.toEpochMilli())
        .mapTo(Long.class)
        .one();
    feed.append(tx, "pin", id, "pinned", KEYS);
    return id;
  }

  public void unpin(Tx tx, long id) {
    int n = tx.update("DELETE FROM story_pin WHERE id = :id").bind("id", id).execute();
    if (n == 0) throw new InvalidInput("pin", "does not exist");
    feed.append(tx, "pin", id, "unpinned", KEYS);
  }

  /** Moves a pin one place up ({@code by} -1) or down (+1) within its place. */
  public void move(Tx tx, long id, int by) {
    var pin = pin(tx, id);
    var order = new ArrayList<>(inPlace(tx, pin.place(), pin.collectionId()));
    int at = 0;
    while (order.get(at).id() != id) at++;
    int to = at + Integer.signum(by);
    if (to < 0 || to >= order.size()) return;
    order.add(to, order.remove(at));
    for (int i = 0; i < order.size(); i++) {
      tx.update("UPDATE story_pin SET position = :p WHERE id = :id")
          .bind("p", i + 1)
          .bind("id", order.get(i).id())
          .execute();
    }
    feed.append(tx, "pin", id, "moved", KEYS);
  }

  /** Every pin not yet expired, by place and order: what editors manage. */
  public List<Pin> pins() {
    return db.read(tx -> tx.query("SELECT * FROM story_pin WHERE expired = 0 "
            + "ORDER BY place, collection_id, position, id")
        .map(Curation::toPin)
        .list());
  }

  /** The pins that show at {@code now}, by place and order: what pages render. */
  public List<Pin> showing(Instant now) {
    return db.read(tx -> tx.query(
            "SELECT * FROM story_pin WHERE expired = 0 "
                + "AND (expires_at IS NULL OR expires_at > :now) ORDER BY place, collection_id, position, id")
        .bind("now", now.toEpochMilli())
        .map(Curation::toPin)
        .list());
  }

  private static List<Pin> inPlace(Tx tx, Place place, Long collectionId) {
    var q = tx.query("SELECT * FROM story_pin WHERE place = :place AND "
            + (collectionId == null ? "collection_id IS NULL" : "collection_id = :collection")
            + " AND expired = 0 ORDER BY position, id")
        .bind("place", place.dbValue());
    if (collectionId != null) q.bind("collection", collectionId);
    return q.map(Curation::toPin).list();
  }

  private static Pin pin(Tx tx, long id) {
    return tx.query("SELECT * FROM story_pin WHERE id = :id")
        .bind("id", id)
        .map(Curation::toPin)
        .findOne()
        .orElseThrow(() -> new InvalidInput("pin", "does not exist"));
  }

  // ---- collections ---------------------------------------------------------------------------

  public long createCollection(Tx tx, StoryCollection c) {
    if (c.sectionId() != null && !sections.exists(tx, c.sectionId()))
      throw new InvalidInput("section", "does not exist");
    long id = tx.query("INSERT INTO story_collection (name, on_front, section_id, position, "
            + "created_at) VALUES (:name, :front, :section, :position, :now) RETURNING id")
        .bind("name", c.name())
        .bind("front", c.onFront() ? 1 : 0)
        .bind("section", c.sectionId())
        .bind("position", c.position())
        .bind("now", clock.millis())
        .mapTo(Long.class)
        .one();
    feed.append(tx, "collection", id, "created", KEYS);
    return id;
  }

  public void deleteCollection(Tx tx, long id) {
    tx.update("DELETE FROM story_pin WHERE collection_id = :id").bind("id", id).execute();
    int n =
        tx.update("DELETE FROM story_collection WHERE id = :id").bind("id", id).execute();
    if (n == 0) throw new InvalidInput("collection", "does not exist");
    feed.append(tx, "collection", id, "deleted", KEYS);
  }

  public List<StoryCollection> collections() {
    return db.read(tx -> tx.query("SELECT * FROM story_collection ORDER BY position, name, id")
        .map(Curation::toCollection)
        .list());
  }

  private static StoryCollection collection(Tx tx, long id) {
    return tx.query("SELECT * FROM story_collection WHERE id = :id")
        .bind("id", id)
        .map(Curation::toCollection)
        .findOne()
        .orElse(null);
  }

  /**
   * Marks the pins whose time has come as expired and appends one change for them, so the pages
   * that showed them are purged; returns how many. Each row is claimed by its own conditional
   * update, so with several nodes sweeping, a pin's expiry is announced once.
   */
  public int expireDue() {
    long now = clock.millis();
    return db.inTransaction(tx -> {
      var due = tx.query("SELECT id FROM story_pin WHERE expired = 0 AND expires_at IS NOT NULL "
              + "AND expires_at <= :now")
          .bind("now", now)
          .mapTo(Long.class)
          .list();
      int claimed = 0;
      for (long id : due) {
        claimed += tx.update("UPDATE story_pin SET expired = 1 WHERE id = :id AND expired = 0")
            .bind("id", id)
            .execute();
      }
      if (claimed > 0) feed.append(tx, "pin", due.get(0), "expired", KEYS);
      return claimed;
    });
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  private static Pin toPin(ResultSet rs) throws SQLException {
    long c = rs.getLong("collection_id");
    Long collectionId = rs.wasNull() ? null : c;
    return new Pin(
        rs.getLong("id"),
        Place.parse(rs.getString("place")),
        collectionId,
        rs.getInt("position"),
        rs.getLong("article_id"),
        instant(rs, "pinned_at"),
        instant(rs, "expires_at"));
  }

  private static StoryCollection toCollection(ResultSet rs) throws SQLException {
    long s = rs.getLong("section_id");
    Long sectionId = rs.wasNull() ? null : s;
    return new StoryCollection(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getInt("on_front") == 1,
        sectionId,
        rs.getInt("position"));
  }
}
