package dev.byline.pages;

import java.util.Locale;

/** Where a page is: being written, on the site, or taken off it (then it answers 404). */
public enum PageStatus {
  DRAFT,
  PUBLISHED,
  UNPUBLISHED;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  static PageStatus fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
