package dev.byline.store;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the change feed on its own thread. A listener that throws sees the same batch again
 * after a pause, so nothing is skipped; listeners must therefore be idempotent.
 */
public final class ChangeFollower implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChangeFollower.class);
  /** Enough to catch up fast after a bulk import without holding a huge list in memory. */
  static final int BATCH = 500;

  static final long RETRY_PAUSE_MS = 1_000;

  /** Receives changes in sequence order. */
  @FunctionalInterface
  public interface Listener {
    void onChanges(List<Change> changes) throws Exception;
  }

  private final ChangeFeed feed;
  private final String name;
  private final long pollMillis;
  private final Listener listener;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition signal = lock.newCondition();
  private final Runnable wakeup = this::wake;
  private volatile long position;
  private volatile boolean running = true;
  private boolean woken;
  private Thread thread;

  ChangeFollower(ChangeFeed feed, String name, long fromSeq, long pollMillis, Listener listener) {
    this.feed = feed;
    this.name = name;
    this.position = fromSeq;
    this.pollMillis = pollMillis;
    this.listener = listener;
  }

  void start() {
    feed.onCommit(wakeup);
    thread = new Thread(this::run, "change-follower-" + name);
    thread.setDaemon(true);
    thread.start();
  }

  /** The last sequence number handed to the listener. */
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
    lock.lock();
    try {
      woken = true;
      signal.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void run() {
    while (running) {
      try {
        var batch = feed.after(position, BATCH);
        if (!batch.isEmpty()) {
          listener.onChanges(batch);
          position = batch.get(batch.size() - 1).seq();
          if (batch.size() == BATCH) continue;
        }
        pause(pollMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        if (!running) return;
        log.warn(
            "event=change_follower_failed follower={} position={} error=\"{}\"",
            name,
            position,
            e.toString());
        try {
          pause(RETRY_PAUSE_MS);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  private void pause(long millis) throws InterruptedException {
    lock.lock();
    try {
      if (!woken) signal.await(millis, TimeUnit.MILLISECONDS);
      woken = false;
    } finally {
      lock.unlock();
    }
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
