package dev.byline.search;

import java.time.Instant;
import java.util.List;

/**
 * One page of search results.
 *
 * @param total matching articles; a lower bound when {@code totalIsExact} is false
 * @param suggestion a corrected search that finds something, when this one found nothing; else null
 * @param understood false when the words held nothing searchable (only operators or punctuation)
 */
public record SearchResults(
    List<Hit> hits,
    long total,
    boolean totalIsExact,
    int page,
    boolean hasNext,
    String suggestion,
    boolean understood) {

  /**
   * One result. The HTML fields are escaped text with matches wrapped in {@code <mark>}.
   */
  public record Hit(
      long id,
      String slug,
      long sectionId,
      String headlineHtml,
      String snippetHtml,
      Instant publishedAt) {}

  public SearchResults {
    hits = List.copyOf(hits);
  }

  public static SearchResults none(boolean understood) {
    return new SearchResults(List.of(), 0, true, 1, false, null, understood);
  }
}
