package dev.byline.content;

import java.util.Locale;

/**
 * Where an article is in its life. "Updated" and "republished" are not statuses: they are a
 * published article whose updated time is after its first publication.
 */
public enum ArticleStatus {
  DRAFT,
  IN_REVIEW,
  SCHEDULED,
  PUBLISHED,
  UNPUBLISHED;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ArticleStatus fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
