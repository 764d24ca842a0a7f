package dev.byline.site;

import dev.byline.content.ArticleSummary;
import dev.byline.content.Page;
import java.util.List;

/**
 * A paginated list: a section, topic or author page.
 *
 * @param kind "section", "topic" or "author", for styling and wording
 * @param label a small line above the title ("Topic · Place"), or empty
 * @param path the list's own path, to which {@code ?page=N} is added
 * @param collections editors' collection blocks shown above the list (a section's first page)
 */
public record ListView(
    Chrome chrome,
    Meta meta,
    Dates dates,
    String kind,
    String label,
    String title,
    String description,
    Page<ArticleSummary> page,
    String path,
    List<Breadcrumb> crumbs,
    List<CollectionBlock> collections) {
  public ListView {
    crumbs = List.copyOf(crumbs);
    collections = List.copyOf(collections);
  }

  /** The topic's slug on a topic page (readers may follow it), otherwise null. */
  public String topicSlug() {
    return kind.equals("topic") && path.startsWith("/topic/")
        ? path.substring("/topic/".length())
        : null;
  }

  public String pageUrl(int n) {
    return n <= 1 ? path : path + "?page=" + n;
  }
}
