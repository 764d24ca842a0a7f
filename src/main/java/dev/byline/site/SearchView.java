package dev.byline.site;

import dev.byline.content.Section;
import java.time.Instant;
import java.util.List;

/**
 * The search page.
 *
 * @param q the words as the reader typed them
 * @param results what was found, or empty when nothing was asked
 * @param total "12 results", "1,000+ results"; empty when nothing was asked
 * @param suggestionUrl the page for the suggested spelling, or empty
 * @param notice a line to show above the results (nothing searchable, index rebuilding), or empty
 */
public record SearchView(
    Chrome chrome,
    Meta meta,
    Dates dates,
    String q,
    String section,
    String topic,
    String topicName,
    String from,
    String to,
    String sort,
    List<Section> sections,
    List<Result> results,
    String total,
    String suggestion,
    String suggestionUrl,
    String notice,
    String previousUrl,
    String nextUrl,
    int page) {

  /** One result; the HTML fields are escaped text with matches in {@code <mark>}. */
  public record Result(
      String path,
      String headlineHtml,
      String snippetHtml,
      String sectionName,
      Instant publishedAt) {}

  public SearchView {
    sections = List.copyOf(sections);
    results = List.copyOf(results);
  }

  public boolean asked() {
    return !total.isEmpty();
  }
}
