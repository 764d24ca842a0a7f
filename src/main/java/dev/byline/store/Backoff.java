package dev.byline.store;

import java.time.Duration;

/**
 * How long a background loop waits after failures in a row: {@code first} after one, twice as
 * long after each more, never more than {@code max}. A loop that meets a fault it cannot mend
 * (a database that is down, a file it cannot read) keeps trying without flooding the log.
 *
 * <pre>{@code
 * var backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));
 * backoff.after(1);   // 1 s
 * backoff.after(4);   // 8 s
 * backoff.after(30);  // 1 min
 * }</pre>
 */
public record Backoff(Duration first, Duration max) {
  public Backoff {
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0)
      throw new IllegalArgumentException("a backoff starts above zero and ends at or above it");
  }

  /** The wait after {@code failures} failures in a row; zero when there were none. */
  public Duration after(int failures) {
    if (failures <= 0) return Duration.ZERO;
    // Past 2^20 times the first wait every sensible cap has long been reached.
    var wait = first.multipliedBy(1L << Math.min(failures - 1, 20));
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
