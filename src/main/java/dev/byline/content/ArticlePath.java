package dev.byline.content;

/**
 * The one rule for where a story lives on the site: its section's path and its slug, e.g. {@code
 * /world/port-talks-resume}. A story without a section lives under {@value #NO_SECTION}. Pages,
 * search results, suggestions, feeds and sitemaps all take their links from here.
 */
public final class ArticlePath {
  /** Where a story without a section lives. */
  public static final String NO_SECTION = "/news";

  private ArticlePath() {}

  /** The path of the story with this slug in this section ({@code null}: no section). */
  public static String of(Section section, String slug) {
    return (section == null ? NO_SECTION : section.path()) + "/" + slug;
  }
}
