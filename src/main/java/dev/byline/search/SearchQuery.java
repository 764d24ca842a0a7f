package dev.byline.search;

import dev.byline.content.InvalidInput;
import java.time.Instant;

/**
 * A reader's search: words (with "quoted phrases", {@code prefix*} and {@code -excluded} words),
 * optional filters, an order and a page. Checks itself; the web layer turns {@link InvalidInput}
 * into a 400 naming the field.
 *
 * @param sectionId only this section, or null
 * @param topicId only this topic, or null
 * @param from published at or after, or null
 * @param to published before, or null
 */
public record SearchQuery(
    String text, Long sectionId, Long topicId, Instant from, Instant to, Sort sort, int page) {
  /** Longer than any real search; beyond it a query is a paste accident or an attack. */
  public static final int MAX_LENGTH = 300;
  /** Ten results a page, as readers expect from a search page. */
  public static final int PAGE_SIZE = 10;
  /** Results beyond 500 are never read; refusing deep pages keeps every query cheap. */
  public static final int MAX_PAGE = 50;

  public enum Sort {
    RELEVANCE,
    NEWEST
  }

  public SearchQuery {
    text = text == null ? "" : text.strip();
    if (text.length() > MAX_LENGTH) {
      throw new InvalidInput(
          "q", "is " + text.length() + " characters long; searches may be at most " + MAX_LENGTH);
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i)))
        throw new InvalidInput("q", "contains a control character");
    }
    if (from != null && to != null && from.isAfter(to))
      throw new InvalidInput("from", "is after the end date");
    sort = sort == null ? Sort.RELEVANCE : sort;
    if (page < 1 || page > MAX_PAGE)
      throw new InvalidInput("page", "must be a whole number from 1 to " + MAX_PAGE);
  }

  public static SearchQuery of(String text) {
    return new SearchQuery(text, null, null, null, null, Sort.RELEVANCE, 1);
  }

  public boolean hasFilters() {
    return sectionId != null || topicId != null || from != null || to != null;
  }

  /** Nothing to search for: no words and no filters. */
  public boolean isEmpty() {
    return text.isEmpty() && !hasFilters();
  }

  public SearchQuery withText(String newText) {
    return new SearchQuery(newText, sectionId, topicId, from, to, sort, page);
  }

  public SearchQuery withPage(int newPage) {
    return new SearchQuery(text, sectionId, topicId, from, to, sort, newPage);
  }
}
