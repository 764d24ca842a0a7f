package dev.byline.consent;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * A token bucket per key (a truncated client address): {@code burst} submissions at once, then
 * one every {@code refill}. Buckets of quiet keys are forgotten, and the number kept is capped,
 * so a flood of addresses cannot exhaust memory.
 */
public final class SubmissionLimiter {
  /** A reader makes one or two choices a visit; a busy office behind one address, a few a minute. */
  public static final int DEFAULT_BURST = 20;

  public static final Duration DEFAULT_REFILL = Duration.ofSeconds(3);
  static final long MAX_KEYS = 100_000;

  private final int burst;
  private final long refillNanos;
  private final Ticker ticker;
  private final Cache<String, Bucket> buckets;

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }

  public SubmissionLimiter(int burst, Duration refill, Ticker ticker) {
    if (burst < 1) throw new IllegalArgumentException("burst must be at least 1");
    this.burst = burst;
    this.refillNanos = refill.toNanos();
    this.ticker = ticker;
    this.buckets = Caffeine.newBuilder()
        .maximumSize(MAX_KEYS)
        .ticker(ticker)
        .expireAfterAccess(refill.multipliedBy(burst).plusMinutes(1))
        .build();
  }

  public SubmissionLimiter() {
    this(DEFAULT_BURST, DEFAULT_REFILL, Ticker.systemTicker());
  }

  /** From {@code consent.records.burst} and {@code consent.records.refill.seconds}. */
  public static SubmissionLimiter from(dev.byline.config.Config config) {
    int burst = config.intSetting("consent.records.burst", DEFAULT_BURST);
    int refill =
        config.intSetting("consent.records.refill.seconds", (int) DEFAULT_REFILL.toSeconds());
    if (burst < 1)
      throw new dev.byline.config.ConfigException("consent.records.burst", "must be 1 or more");
    if (refill < 1)
      throw new dev.byline.config.ConfigException(
          "consent.records.refill.seconds", "must be 1 or more");
    return new SubmissionLimiter(burst, Duration.ofSeconds(refill), Ticker.systemTicker());
  }

  /** Takes one token for {@code key}; false when the key has used its share. */
  public boolean tryAcquire(String key) {
    long now = ticker.read();
    var bucket = buckets.get(key, k -> new Bucket(burst, now));
    synchronized (bucket) {
      bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) / (double) refillNanos);
      bucket.at = now;
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    }
  }

  /** Seconds until {@code key} may submit again, for a Retry-After header. */
  public long retryAfterSeconds() {
    return Math.max(1, Duration.ofNanos(refillNanos).toSeconds());
  }
}
