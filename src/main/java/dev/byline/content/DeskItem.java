package dev.byline.content;

import java.time.Instant;

/** An article as the newsroom's list shows it, whatever its status. */
public record DeskItem(
    long id,
    String slug,
    String headline,
    ArticleStatus status,
    Section section,
    Instant modifiedAt,
    Instant scheduledAt,
    Instant firstPublishedAt,
    int version) {

  public String path() {
    return ArticlePath.of(section, slug);
  }
}
