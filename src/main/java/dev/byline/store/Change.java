package dev.byline.store;

import java.time.Instant;
import java.util.Set;

/**
 * One row of the change feed.
 *
 * @param seq strictly increasing position in the feed
 * @param entity what changed, e.g. "article", "section", "image"
 * @param action what happened, e.g. "created", "updated", "published", "unpublished"
 * @param keys surrogate keys of everything whose rendering depended on the entity before or
 *     after the change ("article:12", "section:3", "front"); caches purge by these
 */
public record Change(
    long seq, Instant at, String entity, long entityId, String action, Set<String> keys) {
  public Change {
    keys = Set.copyOf(keys);
  }
}
