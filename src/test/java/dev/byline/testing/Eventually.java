package dev.byline.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Waits for a condition with a deadline, never a fixed sleep. */
public final class Eventually {
  private Eventually() {}

  public static void await(String what, Duration timeout, BooleanSupplier condition) {
    var deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline)
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }

  /**
   * Reads a value until it satisfies {@code settled} or the timeout passes, and returns the last
   * one read either way, so the caller's own assertions report what was actually seen.
   */
  public static <T> T settled(Duration timeout, Read<T> read, Predicate<T> settled) {
    var deadline = System.nanoTime() + timeout.toNanos();
    var value = read.once();
    while (!settled.test(value) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return value;
      }
      value = read.once();
    }
    return value;
  }

  /** One reading, which may fail as an HTTP call does; a failure fails the test. */
  @FunctionalInterface
  public interface Read<T> {
    T get() throws Exception;

    private T once() {
      try {
        return get();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new AssertionError("reading failed", e);
      }
    }
  }
}
