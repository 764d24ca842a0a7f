package dev.byline.pages;

import java.time.Instant;

/** One saved state of a page: who saved it, when, and what the form held. */
public record PageRevision(
    long id,
    long pageId,
    int version,
    String savedByName,
    Instant savedAt,
    String title,
    String summary,
    String markdown) {}
