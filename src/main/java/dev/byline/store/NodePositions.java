package dev.byline.store;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * How far each running node has applied the change feed to its own page cache. A purge sent to
 * a shared cache (Varnish, a CDN) before every node has applied the change lets the cache fetch
 * the page again from a node that still holds the old copy, and keep it for an hour; purges
 * therefore wait for {@link #slowest}. A node that stops reporting (killed, cut off) is left out
 * once it has not been seen for {@code liveWithin}, so it cannot hold purges back for long.
 */
public final class NodePositions {
  private final Database db;
  private final Clock clock;

  public NodePositions(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Records that {@code node} has applied every change up to {@code position}, now. */
  public void report(String node, long position) {
    long now = clock.millis();
    db.useTransaction(tx -> tx.update(
            "INSERT INTO node_position (node, position, seen_at) VALUES (:node, :position, :now) "
                + "ON CONFLICT (node) DO UPDATE SET position = excluded.position, "
                + "seen_at = excluded.seen_at")
        .bind("node", node)
        .bind("position", position)
        .bind("now", now)
        .execute());
  }

  /**
   * The lowest position of the nodes seen within {@code liveWithin}, or empty when none is: every
   * change up to it is out of every live node's page cache.
   */
  public OptionalLong slowest(Duration liveWithin) {
    long since = clock.millis() - liveWithin.toMillis();
    return db.read(tx -> tx.query(
            "SELECT MIN(position) AS p, COUNT(*) AS n FROM node_position WHERE seen_at >= :since")
        .bind("since", since)
        .map(rs -> rs.getLong("n") == 0 ? OptionalLong.empty() : OptionalLong.of(rs.getLong("p")))
        .one());
  }

  /** Removes {@code node} (it is stopping) and rows not seen for {@code forgetAfter}. */
  public void leave(String node, Duration forgetAfter) {
    long before = clock.millis() - forgetAfter.toMillis();
    db.useTransaction(
        tx -> tx.update("DELETE FROM node_position WHERE node = :node OR seen_at < :before")
            .bind("node", node)
            .bind("before", before)
            .execute());
  }
}
