package dev.byline.analytics;

/**
 * What a reported path is on this site.
 *
 * @param path the canonical path to count under ({@code (other)} for paths the site does not know)
 * @param articleId the article shown there, or null
 * @param section the slug of the section the page belongs to, or empty
 */
public record PageRef(String path, Long articleId, String section) {
  public static final PageRef OTHER = new PageRef(Tally.OTHER, null, "");

  public PageRef {
    section = section == null ? "" : section;
  }
}
