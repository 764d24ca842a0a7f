package dev.byline.pages;

import java.time.Instant;

/**
 * One saved state of a page: who saved it, when, and what the form held.
 *
 * @param document the block editor's document when the body was written in it, else empty
 */
public record PageRevision(
    long id,
    long pageId,
    int version,
    String savedByName,
    Instant savedAt,
    String title,
    String summary,
    String markdown,
    String document) {
  /** Whether the body was written in the block editor (and so is restored from its document). */
  public boolean inBlocks() {
    return !document.isEmpty();
  }
}
