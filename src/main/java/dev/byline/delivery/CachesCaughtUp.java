package dev.byline.delivery;

import dev.byline.store.NodePositions;
import dev.byline.store.PositionReporter;
import java.time.Clock;
import java.time.Duration;

/**
 * Holds a purge back until every live node has applied its change to its own page cache. Sent
 * earlier, the shared cache refetches the page from a node that still holds the old copy and keeps
 * that for an hour. A node whose follower is stuck cannot hold purges for ever: after {@link
 * #MAX_HOLD} the purge goes anyway.
 */
final class CachesCaughtUp {
  /** Longest a purge waits for the slowest node, then it is sent regardless. */
  static final Duration MAX_HOLD = Duration.ofSeconds(10);

  private final NodePositions positions;
  private final Clock clock;
  private long caughtUpTo = -1;

  CachesCaughtUp(NodePositions positions, Clock clock) {
    this.positions = positions;
    this.clock = clock;
  }

  /**
   * Whether {@code d} may go now. Called from one worker's thread only. The slowest position only
   * moves forward: a node that joins starts at the feed's head and never held older pages.
   */
  boolean ready(Delivery d) {
    if (d.changeSeq() <= caughtUpTo) return true;
    if (clock.millis() - d.createdAt().toEpochMilli() >= MAX_HOLD.toMillis()) return true;
    var slowest = positions.slowest(PositionReporter.LIVE_WITHIN);
    if (slowest.isEmpty()) return true; // one node on its own file: its writes purge in line
    caughtUpTo = slowest.getAsLong();
    return d.changeSeq() <= caughtUpTo;
  }
}
