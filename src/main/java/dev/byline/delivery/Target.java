package dev.byline.delivery;

import dev.byline.store.Change;
import java.util.Optional;

/**
 * Somewhere deliveries go. A target decides which changes it wants and what to send for each
 * (at enqueue time, so a retry sends the same thing), and sends one delivery at a time.
 */
public interface Target {
  /** The name deliveries are queued under, unique per site and stable across restarts. */
  String name();

  /** What to send for {@code change}, or empty when this target does not want it. */
  Optional<Queued> wants(Change change);

  /**
   * Sends one delivery and returns the receiver's HTTP status; throws when it did not go
   * through, so it is retried.
   */
  int send(Delivery delivery) throws DeliveryFailed;

  /**
   * What a target queues for one change.
   *
   * @param orderKey deliveries with the same key go out in change order
   * @param event a short name for the delivery log
   * @param payload what {@link #send} sends, stored as text
   */
  record Queued(String orderKey, String event, String payload) {}
}
