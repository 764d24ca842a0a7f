package dev.byline.related;

import dev.byline.content.InvalidInput;
import dev.byline.store.ChangeFeed;
import dev.byline.store.Database;
import dev.byline.store.SurrogateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Owns the {@code related_choice} table: per article, the stories an editor pinned (shown first,
 * in order) and those an editor blocked (never offered). Every change appends to the change feed
 * so the article's cached page is purged on every node.
 *
 * <pre>{@code
 * choices.pin(articleId, otherId, "editor@example.org");
 * choices.block(articleId, unrelatedId, "editor@example.org");
 * var c = choices.of(articleId);   // c.pinned() = [otherId], c.blocked() = {unrelatedId}
 * }</pre>
 */
public final class RelatedChoices {
  /** More pins than this crowd out the engine's picks entirely; six fill every slot and the list. */
  public static final int MAX_PINS = 6;

  /** An article's editorial choices. */
  public record Choices(List<Long> pinned, Set<Long> blocked) {
    public Choices {
      pinned = List.copyOf(pinned);
      blocked = Set.copyOf(blocked);
    }

    public static final Choices NONE = new Choices(List.of(), Set.of());
  }

  private final Database db;
  private final ChangeFeed feed;
  private final Clock clock;

  public RelatedChoices(Database db, ChangeFeed feed, Clock clock) {
    this.db = db;
    this.feed = feed;
    this.clock = clock;
  }

  public Choices of(long articleId) {
    return db.read(tx -> {
      var pinned = new ArrayList<Long>();
      var blocked = new LinkedHashSet<Long>();
      tx.query(
              "SELECT target_id, kind FROM related_choice WHERE article_id = :a ORDER BY position, chosen_at, target_id")
          .bind("a", articleId)
          .map(rs -> {
            if ("pin".equals(rs.getString("kind"))) pinned.add(rs.getLong("target_id"));
            else blocked.add(rs.getLong("target_id"));
            return null;
          })
          .list();
      return new Choices(pinned, blocked);
    });
  }

  /** Pins {@code targetId} after the existing pins; a block on it is lifted. */
  public void pin(long articleId, long targetId, String by) {
    write(articleId, targetId, "pin", by);
  }

  /** Blocks {@code targetId}; a pin on it is removed. */
  public void block(long articleId, long targetId, String by) {
    write(articleId, targetId, "block", by);
  }

  /** Removes any pin or block of {@code targetId}: the engine decides again. */
  public void clear(long articleId, long targetId) {
    db.useTransaction(tx -> {
      tx.update("DELETE FROM related_choice WHERE article_id = :a AND target_id = :t")
          .bind("a", articleId)
          .bind("t", targetId)
          .execute();
      feed.append(tx, "related", articleId, "cleared", Set.of(SurrogateKey.article(articleId)));
    });
  }

  private void write(long articleId, long targetId, String kind, String by) {
    if (articleId == targetId)
      throw new InvalidInput("related article", "cannot be the article itself");
    db.useTransaction(tx -> {
      int found = tx.query("SELECT COUNT(*) FROM article WHERE id IN (:a, :t)")
          .bind("a", articleId)
          .bind("t", targetId)
          .mapTo(Integer.class)
          .one();
      if (found < 2) throw new InvalidInput("related article", "does not exist");
      int position = 0;
      if (kind.equals("pin")) {
        int pins = tx.query(
                "SELECT COUNT(*) FROM related_choice WHERE article_id = :a AND kind = 'pin' AND target_id <> :t")
            .bind("a", articleId)
            .bind("t", targetId)
            .mapTo(Integer.class)
            .one();
        if (pins >= MAX_PINS)
          throw new InvalidInput(
              "related article", "cannot be pinned: at most " + MAX_PINS + " pins per article");
        position = tx.query(
                "SELECT COALESCE(MAX(position), 0) + 1 FROM related_choice WHERE article_id = :a")
            .bind("a", articleId)
            .mapTo(Integer.class)
            .one();
      }
      tx.update("DELETE FROM related_choice WHERE article_id = :a AND target_id = :t")
          .bind("a", articleId)
          .bind("t", targetId)
          .execute();
      tx.update(
              "INSERT INTO related_choice (article_id, target_id, kind, position, chosen_by, chosen_at) "
                  + "VALUES (:a, :t, :kind, :position, :by, :at)")
          .bind("a", articleId)
          .bind("t", targetId)
          .bind("kind", kind)
          .bind("position", position)
          .bind("by", by == null ? "" : by)
          .bind("at", clock.millis())
          .execute();
      feed.append(
          tx,
          "related",
          articleId,
          kind.equals("pin") ? "pinned" : "blocked",
          Set.of(SurrogateKey.article(articleId)));
    });
  }
}
