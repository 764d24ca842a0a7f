package dev.byline.delivery;

import dev.byline.store.Backoff;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed delivery again: exponential backoff with jitter, so a receiver that comes
 * back is not hit by every queued delivery in the same instant, until the give-up window ends.
 */
record Retry(Backoff backoff, Duration giveUpAfter) {
  static Retry of(DeliverySettings s) {
    return new Retry(new Backoff(s.firstRetry(), s.maxRetry()), s.giveUpAfter());
  }

  /** The wait after {@code attempts} failures: between half and all of the backoff. */
  long waitMillis(int attempts) {
    long full = backoff.after(attempts).toMillis();
    return full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1);
  }

  /** True once a delivery queued at {@code createdMillis} is past its retry window. */
  boolean givenUp(long createdMillis, long nowMillis) {
    return nowMillis - createdMillis >= giveUpAfter.toMillis();
  }
}
