package dev.byline.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;

/**
 * Requests per minute per caller, as token buckets: a caller may spend a minute's allowance at
 * once, then one more request each time the bucket refills by one. Buckets of callers not seen
 * for ten minutes are forgotten, and at most {@link #MAX_CALLERS} are kept, so an attacker who
 * changes address cannot fill memory.
 */
public final class RateLimits {
  /** Sixty a minute: a reader's page or an app refreshing a list never meets it. */
  public static final int DEFAULT_ANONYMOUS_PER_MINUTE = 60;
  /** Ten times more for a known key: an app's servers speak for many readers. */
  public static final int DEFAULT_KEY_PER_MINUTE = 600;

  static final int MAX_CALLERS = 100_000;

  private final Clock clock;
  private final Cache<String, Bucket> buckets;

  public RateLimits(Clock clock) {
    this.clock = clock;
    this.buckets = Caffeine.newBuilder()
        .maximumSize(MAX_CALLERS)
        .expireAfterAccess(Duration.ofMinutes(10))
        .build();
  }

  /** Takes one request from {@code caller}'s allowance; 0 when allowed, else seconds to wait. */
  public long take(String caller, int perMinute) {
    var bucket = buckets.get(caller + "/" + perMinute, k -> new Bucket(perMinute, clock.millis()));
    return bucket.take(clock.millis());
  }

  private static final class Bucket {
    private final int capacity;
    private final double perMilli;
    private double tokens;
    private long at;

    Bucket(int perMinute, long now) {
      this.capacity = perMinute;
      this.perMilli = perMinute / 60_000.0;
      this.tokens = perMinute;
      this.at = now;
    }

    synchronized long take(long now) {
      tokens = Math.min(capacity, tokens + (now - at) * perMilli);
      at = Math.max(at, now);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - tokens) / perMilli / 1000));
    }
  }
}
