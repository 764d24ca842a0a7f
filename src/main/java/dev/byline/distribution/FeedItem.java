package dev.byline.distribution;

import java.time.Instant;
import java.util.List;

/**
 * One story as every feed format carries it. URLs are absolute.
 *
 * @param id a permanent identifier that survives slug changes (a {@code tag:} URI)
 * @param summary plain text; may be empty
 * @param contentHtml the whole story as HTML, or empty when feeds carry summaries only
 * @param updated when the story last changed for readers, or null when it has not changed
 *     since it was first published
 * @param categories section first, then topics
 * @param image the lead image, or null
 * @param language the story's own BCP 47 tag when it is not in the feed's language, or null
 */
public record FeedItem(
    String id,
    String url,
    String title,
    String summary,
    String contentHtml,
    Instant published,
    Instant updated,
    List<Person> authors,
    List<String> categories,
    MediaImage image,
    String language) {

  /** A byline: a name and, for staff, the URL of their page (may be empty). */
  public record Person(String name, String url) {}

  /**
   * A picture as feeds describe it. Sizes in pixels.
   *
   * @param mime e.g. image/jpeg
   */
  public record MediaImage(
      String url, String mime, int width, int height, String caption, String credit) {}

  public FeedItem {
    summary = summary == null ? "" : summary;
    contentHtml = contentHtml == null ? "" : contentHtml;
    authors = List.copyOf(authors);
    categories = List.copyOf(categories);
    if (published == null)
      throw new IllegalArgumentException("a feed item needs its publication time");
  }

  /** The time the item last changed: the update time, else first publication. */
  public Instant lastModified() {
    return updated != null && updated.isAfter(published) ? updated : published;
  }

  public boolean isUpdated() {
    return updated != null && updated.isAfter(published);
  }
}
