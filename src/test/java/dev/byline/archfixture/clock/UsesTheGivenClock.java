package dev.byline.archfixture.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** Keeps the rule: the time comes from the clock it was given; elapsed time from nanoTime. */
public final class UsesTheGivenClock {
  private final Clock clock;

  public UsesTheGivenClock(Clock clock) {
    this.clock = clock;
  }

  Instant now() {
    return clock.instant();
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  long elapsedSince(long startNanos) {
    return System.nanoTime() - startNanos;
  }
}
