package dev.byline.store;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets a background loop sleep until its next poll or until someone has work for it. A wake that
 * comes while the loop is busy is remembered, so the next wait returns at once instead of losing it.
 */
public final class Wakeup {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition signal = lock.newCondition();
  private boolean woken;

  public void wake() {
    lock.lock();
    try {
      woken = true;
      signal.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits up to {@code millis}, or not at all if woken since the last wait. */
  public void await(long millis) throws InterruptedException {
    lock.lock();
    try {
      if (!woken) signal.await(millis, TimeUnit.MILLISECONDS);
      woken = false;
    } finally {
      lock.unlock();
    }
  }
}
