package dev.byline.newsletter;

import java.time.Instant;

/**
 * One address on the list.
 *
 * @param status {@link #PENDING} until the link in the confirmation mail is followed, then
 *     {@link #CONFIRMED}; {@link #UNSUBSCRIBED} after leaving
 */
public record Subscriber(
    long id,
    String address,
    String status,
    Instant createdAt,
    Instant confirmedAt,
    Instant unsubscribedAt) {
  public static final String PENDING = "pending";
  public static final String CONFIRMED = "confirmed";
  public static final String UNSUBSCRIBED = "unsubscribed";

  public boolean confirmed() {
    return status.equals(CONFIRMED);
  }
}
