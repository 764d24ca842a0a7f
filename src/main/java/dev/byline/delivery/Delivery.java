package dev.byline.delivery;

import java.time.Instant;

/**
 * One change for one target, as queued.
 *
 * @param status {@code pending} until sent, then {@code delivered}, or {@code failed} once the
 *     retry window has passed
 * @param attempts sends tried so far
 * @param lastStatus the HTTP status of the last attempt, 0 when none came back
 */
public record Delivery(
    long id,
    String target,
    String idempotencyKey,
    long changeSeq,
    String orderKey,
    String event,
    String payload,
    String status,
    int attempts,
    Instant nextAt,
    Instant createdAt,
    Instant doneAt,
    int lastStatus,
    String lastError) {
  public static final String PENDING = "pending";
  public static final String DELIVERED = "delivered";
  public static final String FAILED = "failed";
}
