package dev.byline.delivery;

import java.time.Instant;
import java.util.Set;

/**
 * One webhook subscriber: where to send, the secret signatures are made with, and the events it
 * wants.
 */
public record Subscription(
    long id, String url, String secret, Set<Event> events, boolean active, Instant createdAt) {
  public Subscription {
    events = Set.copyOf(events);
  }

  /** The delivery target name, also part of every idempotency key. */
  public String target() {
    return target(id);
  }

  static String target(long id) {
    return "webhook-" + id;
  }
}
