package dev.byline.curation;

import java.time.Instant;

/**
 * A story pinned in a place.
 *
 * @param collectionId the collection, for {@link Place#COLLECTION}; null otherwise
 * @param expiresAt when the pin stops showing; null keeps it until it is unpinned
 */
public record Pin(
    long id,
    Place place,
    Long collectionId,
    int position,
    long articleId,
    Instant pinnedAt,
    Instant expiresAt) {
  public boolean showsAt(Instant now) {
    return expiresAt == null || expiresAt.isAfter(now);
  }
}
