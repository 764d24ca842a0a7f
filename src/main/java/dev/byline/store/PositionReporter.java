package dev.byline.store;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes this node's page-cache position to {@link NodePositions}: at once when woken after the
 * cache applied changes, and as a heartbeat otherwise, so other nodes' purges know it is alive.
 * Its own thread, so the follower that purges the cache (which local writes wait for) never waits
 * on the database. Removes the node's row when closed.
 */
public final class PositionReporter implements AutoCloseable {
  /** How often a node says it is alive when nothing changes. */
  public static final Duration HEARTBEAT = Duration.ofSeconds(1);
  /** Least time between two reports, so a burst of changes costs a few writes, not one each. */
  static final long MIN_SPACING_MILLIS = 50;
  /** A node not heard from for this long no longer holds purges back. */
  public static final Duration LIVE_WITHIN = Duration.ofSeconds(3);

  private static final Logger log = LoggerFactory.getLogger(PositionReporter.class);

  private final NodePositions positions;
  private final String node;
  private final LongSupplier position;
  private final Wakeup wakeup = new Wakeup();
  /** The furthest change the cache has applied, as told by {@link #applied}. */
  private final AtomicLong applied = new AtomicLong();

  private final Thread thread;
  private volatile boolean running = true;

  private PositionReporter(NodePositions positions, String node, LongSupplier position) {
    this.positions = positions;
    this.node = node;
    this.position = position;
    thread = new Thread(this::run, "node-position");
    thread.setDaemon(true);
  }

  /** Reports {@code position} for {@code node} now and from then on. */
  public static PositionReporter start(
      NodePositions positions, String node, LongSupplier position) {
    var reporter = new PositionReporter(positions, node, position);
    reporter.thread.start();
    return reporter;
  }

  /**
   * The cache has applied every change up to {@code seq}: report it without waiting for the
   * heartbeat. Told from the cache's listener, before its follower moves its own position on, so
   * the reporter must not read that position alone or it reports one step behind for a second.
   */
  public void applied(long seq) {
    applied.accumulateAndGet(seq, Math::max);
    wakeup.wake();
  }

  private void run() {
    boolean failing = false;
    while (running) {
      try {
        positions.report(node, Math.max(position.getAsLong(), applied.get()));
        if (failing) log.info("event=node_position_reported node={}", node);
        failing = false;
      } catch (RuntimeException e) {
        // Purges wait for this node only while it is seen; an unreachable database means it is
        // not, and they go ahead after LIVE_WITHIN. Said once per outage.
        if (!failing)
          log.warn("event=node_position_failed node={} error=\"{}\"", node, e.toString());
        failing = true;
      }
      try {
        Thread.sleep(MIN_SPACING_MILLIS);
        wakeup.await(HEARTBEAT.toMillis() - MIN_SPACING_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(2_000);
      positions.leave(node, Duration.ofDays(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("event=node_position_leave_failed node={} error=\"{}\"", node, e.toString());
    }
  }
}
