package dev.byline.delivery;

import dev.byline.config.Config;
import java.time.Duration;

/**
 * How outbound deliveries behave, from {@code byline.properties}.
 *
 * @param timeout the longest one attempt may take, connecting and answering
 * @param firstRetry the wait after the first failure; it doubles after each more, with jitter
 * @param maxRetry the longest wait between two attempts
 * @param giveUpAfter how long after a change its delivery is retried before it is marked failed
 * @param allowPrivateHosts whether webhooks may go to loopback and private addresses (tests, a
 *     receiver on the same network); off by default, as a guard against request forgery
 * @param pollMillis how often workers look for deliveries queued by other nodes
 */
public record DeliverySettings(
    Duration timeout,
    Duration firstRetry,
    Duration maxRetry,
    Duration giveUpAfter,
    boolean allowPrivateHosts,
    long pollMillis) {
  /** A receiver that takes longer than this is treated as down; it must not hold its queue. */
  static final int DEFAULT_TIMEOUT_MS = 10_000;
  /** Retries start soon, for a blip, and settle at hourly, for an outage. */
  static final int DEFAULT_FIRST_RETRY_MS = 5_000;

  static final int DEFAULT_MAX_RETRY_MS = 3_600_000;
  /** A day covers a receiver down over a night or a weekend deploy. */
  static final int DEFAULT_GIVE_UP_HOURS = 24;

  public static DeliverySettings from(Config c) {
    return new DeliverySettings(
        Duration.ofMillis(c.intSetting("delivery.timeout.ms", DEFAULT_TIMEOUT_MS, 100, 120_000)),
        Duration.ofMillis(
            c.intSetting("delivery.retry.first.ms", DEFAULT_FIRST_RETRY_MS, 10, 3_600_000)),
        Duration.ofMillis(
            c.intSetting("delivery.retry.max.ms", DEFAULT_MAX_RETRY_MS, 10, 86_400_000)),
        Duration.ofHours(c.intSetting("delivery.give.up.hours", DEFAULT_GIVE_UP_HOURS, 1, 168)),
        c.boolSetting("webhooks.allow.private", false),
        c.intSetting("delivery.poll.ms", 1_000, 10, 60_000));
  }
}
