package dev.byline.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes a follower of the change feed gave up on (table {@code change_skipped}): each failed
 * again and again while the changes after it went through, so what the follower derives from it
 * (a page purge, a search index entry) may be stale. Rebuilding the derived data mends it: a
 * restart purges every cached page, {@code byline reindex} rebuilds the search index.
 */
public final class SkippedChanges {
  private static final Logger log = LoggerFactory.getLogger(SkippedChanges.class);
  /** Enough of an error to recognise it; the log line has the rest, with its stack trace. */
  static final int MAX_ERROR_CHARS = 1000;

  /** One skipped change: which follower, which change, when, after how many tries, and why. */
  public record Skipped(
      String follower,
      long seq,
      String entity,
      long entityId,
      Instant at,
      int attempts,
      String error) {}

  private final Database db;
  private final Clock clock;

  public SkippedChanges(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Records a skip; never throws, since the follower must go on whether or not this is written. */
  void record(String follower, Change change, int attempts, Exception error) {
    var full = error.toString();
    var message = full.length() > MAX_ERROR_CHARS ? full.substring(0, MAX_ERROR_CHARS) : full;
    try {
      db.jdbi()
          .useHandle(h -> h.createUpdate(
                  "INSERT INTO change_skipped (follower, seq, entity, entity_id, at, attempts, error) "
                      + "VALUES (:follower, :seq, :entity, :id, :at, :attempts, :error) "
                      + "ON CONFLICT (follower, seq) DO NOTHING")
              .bind("follower", follower)
              .bind("seq", change.seq())
              .bind("entity", change.entity())
              .bind("id", change.entityId())
              .bind("at", clock.millis())
              .bind("attempts", attempts)
              .bind("error", message)
              .execute());
    } catch (RuntimeException e) {
      log.error(
          "event=change_skip_not_recorded follower={} seq={} error=\"{}\"",
          follower,
          change.seq(),
          e.toString(),
          e);
    }
  }

  /** What {@code follower} skipped, oldest first. */
  public List<Skipped> of(String follower) {
    return db.jdbi()
        .withHandle(h -> h.createQuery(
                "SELECT follower, seq, entity, entity_id, at, attempts, error FROM change_skipped "
                    + "WHERE follower = :follower ORDER BY seq")
            .bind("follower", follower)
            .map((rs, ctx) -> new Skipped(
                rs.getString("follower"),
                rs.getLong("seq"),
                rs.getString("entity"),
                rs.getLong("entity_id"),
                Instant.ofEpochMilli(rs.getLong("at")),
                rs.getInt("attempts"),
                rs.getString("error")))
            .list());
  }
}
