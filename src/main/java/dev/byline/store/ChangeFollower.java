package dev.byline.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the change feed on its own thread. A listener that throws sees the same changes again
 * after a wait that doubles with each failure ({@link #RETRY}); listeners must therefore be
 * idempotent. After a failed batch, changes are handed one at a time until past it, so one bad
 * change cannot hold the good ones around it.
 *
 * <p>A change that has failed {@link #MAX_ATTEMPTS} times on its own is skipped, logged at ERROR
 * and recorded in {@link SkippedChanges}, but only when one of the few changes after it then goes
 * through. Everything a follower builds is derived and can be rebuilt, so one stale page or index
 * entry costs less than a follower stuck for good behind a change it can never handle; and
 * because an outage (the database down) fails the later changes too, it skips nothing: the
 * follower only waits, retrying, until the fault passes.
 */
public final class ChangeFollower implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChangeFollower.class);
  /** Enough to catch up fast after a bulk import without holding a huge list in memory. */
  static final int BATCH = 500;

  /** Waits after failures: a second at first, a minute at most, so a long outage is not hammered. */
  static final Backoff RETRY = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));

  /** Tries of one change on its own before it may be skipped: about two minutes of waits. */
  static final int MAX_ATTEMPTS = 8;

  /** Changes after a stuck one that are tried to tell a bad change from an outage. */
  static final int PROBE = 3;

  /** Receives changes in sequence order. */
  @FunctionalInterface
  public interface Listener {
    void onChanges(List<Change> changes) throws Exception;
  }

  private final ChangeFeed feed;
  private final String name;
  private final long pollMillis;
  private final Listener listener;
  private final Backoff retry;
  private final int maxAttempts;
  private final SkippedChanges skipped;
  private final Wakeup sleep = new Wakeup();
  private final Runnable wakeup = this::wake;
  private volatile long position;
  private volatile boolean running = true;
  private Thread thread;

  ChangeFollower(ChangeFeed feed, String name, long fromSeq, long pollMillis, Listener listener) {
    this(feed, name, fromSeq, pollMillis, listener, RETRY, MAX_ATTEMPTS);
  }

  ChangeFollower(
      ChangeFeed feed,
      String name,
      long fromSeq,
      long pollMillis,
      Listener listener,
      Backoff retry,
      int maxAttempts) {
    this.feed = feed;
    this.name = name;
    this.position = fromSeq;
    this.pollMillis = pollMillis;
    this.listener = listener;
    this.retry = retry;
    this.maxAttempts = maxAttempts;
    this.skipped = feed.skipped();
  }

  void start() {
    feed.onCommit(wakeup);
    thread = new Thread(this::run, "change-follower-" + name);
    thread.setDaemon(true);
    thread.start();
  }

  /** The last sequence number handed to the listener (or skipped). */
  public long position() {
    return position;
  }

  /** True when called from this follower's own thread (from inside its listener). */
  boolean isOwnThread() {
    return Thread.currentThread() == thread;
  }

  /** Blocks until the follower has passed {@code seq} or the timeout ends; true if it has. */
  public boolean awaitPosition(long seq, long timeoutMillis) throws InterruptedException {
    var deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (position < seq) {
      if (System.nanoTime() > deadline) return false;
      wake();
      Thread.sleep(5);
    }
    return true;
  }

  private void wake() {
    sleep.wake();
  }

  private void run() {
    int failures = 0; // listener failures in a row at the current position
    int readFailures = 0; // failures in a row to read the feed itself
    long oneByOneThrough = 0; // up to this change, hand changes over one at a time
    while (running) {
      try {
        int limit = position < oneByOneThrough ? 1 : BATCH;
        var batch = feed.after(position, limit);
        readFailures = 0;
        if (batch.isEmpty()) {
          pause(pollMillis);
          continue;
        }
        long last = batch.get(batch.size() - 1).seq();
        try {
          listener.onChanges(batch);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (Exception e) {
          if (!running) return;
          failures++;
          if (batch.size() > 1) {
            oneByOneThrough = Math.max(oneByOneThrough, last);
          } else if (failures >= maxAttempts && skipIfLaterPass(batch.get(0), failures, e)) {
            failures = 0;
            continue;
          }
          var wait = retry.after(failures);
          log.error(
              "event=change_follower_failed follower={} position={} changes={} attempt={} retry_in_ms={} error=\"{}\"",
              name,
              position,
              batch.size(),
              failures,
              wait.toMillis(),
              e.toString(),
              e);
          Thread.sleep(wait.toMillis());
          continue;
        }
        position = last;
        failures = 0;
        if (batch.size() == limit) continue;
        pause(pollMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        if (!running) return;
        readFailures++;
        var wait = retry.after(readFailures);
        log.error(
            "event=change_feed_unreadable follower={} position={} attempt={} retry_in_ms={} error=\"{}\"",
            name,
            position,
            readFailures,
            wait.toMillis(),
            e.toString(),
            e);
        try {
          Thread.sleep(wait.toMillis());
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  /**
   * Hands the few changes after {@code stuck} over one at a time. If one goes through, the
   * listener works and the changes before it that failed are bad: they are skipped, logged and
   * recorded. If none does, the fault is not in the changes and nothing is skipped.
   */
  private boolean skipIfLaterPass(Change stuck, int attempts, Exception error) throws Exception {
    record Failed(Change change, int attempts, Exception error) {}
    var failed = new ArrayList<Failed>(List.of(new Failed(stuck, attempts, error)));
    for (var later : feed.after(stuck.seq(), PROBE)) {
      try {
        listener.onChanges(List.of(later));
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        failed.add(new Failed(later, 1, e));
        continue;
      }
      for (var f : failed) {
        log.error(
            "event=change_skipped follower={} seq={} entity={} entity_id={} attempts={} error=\"{}\"",
            name,
            f.change().seq(),
            f.change().entity(),
            f.change().entityId(),
            f.attempts(),
            f.error().toString());
        skipped.record(name, f.change(), f.attempts(), f.error());
      }
      position = later.seq();
      return true;
    }
    return false;
  }

  private void pause(long millis) throws InterruptedException {
    sleep.await(millis);
  }

  @Override
  public void close() {
    running = false;
    feed.removeOnCommit(wakeup);
    feed.stopWaitingFor(this);
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
