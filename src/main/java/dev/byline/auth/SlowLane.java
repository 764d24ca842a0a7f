package dev.byline.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Where a throttled sign-in waits before its password is judged. The wait makes guessing slow;
 * the few lanes bound how many requests can wait at once, so flooding the slow path ties up at
 * most {@link #LANES} threads and further tries are turned away at once instead of queueing.
 *
 * <pre>{@code
 * var lane = new SlowLane(SlowLane.DELAY, SlowLane.SLEEP);
 * Optional<Outcome> judged = lane.after(() -> judge(password)); // empty: all lanes busy
 * }</pre>
 */
public final class SlowLane {
  /** Long enough that a guesser gets a handful of tries a minute, short enough for a person. */
  public static final Duration DELAY = Duration.ofSeconds(2);
  /** At most this many sign-ins wait at once: at {@link #DELAY}, two guesses a second overall. */
  public static final int LANES = 4;

  /** How the wait is spent; tests pass one that returns at once or blocks on a latch. */
  @FunctionalInterface
  public interface Pause {
    void pause(Duration d) throws InterruptedException;
  }

  /** A real wait. */
  public static final Pause SLEEP = d -> Thread.sleep(d.toMillis());

  private final Duration delay;
  private final Pause pause;
  private final Semaphore lanes = new Semaphore(LANES);

  public SlowLane(Duration delay, Pause pause) {
    if (delay.isNegative()) throw new IllegalArgumentException("delay is negative: " + delay);
    this.delay = delay;
    this.pause = pause;
  }

  /**
   * Waits {@link #DELAY}, then runs {@code work}; empty at once when every lane is taken (or the
   * wait is interrupted).
   */
  public <T> Optional<T> after(Supplier<T> work) {
    if (!lanes.tryAcquire()) return Optional.empty();
    try {
      if (!delay.isZero()) pause.pause(delay);
      return Optional.of(work.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      lanes.release();
    }
  }

  public Duration delay() {
    return delay;
  }
}
