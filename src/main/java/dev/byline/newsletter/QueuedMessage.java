package dev.byline.newsletter;

/**
 * A claimed message: one send (none for a confirmation) to one subscriber.
 *
 * @param messageId the {@code Message-ID} header, the same on every attempt
 * @param attempts attempts so far, this one included
 * @param payload a confirmation's link nonce; null otherwise
 */
record QueuedMessage(
    long id,
    Long sendId,
    long subscriberId,
    String address,
    String subscriberStatus,
    String unsubscribeKey,
    String kind,
    String messageId,
    int attempts,
    long createdAt,
    String payload) {}
