package dev.byline.distribution;

import java.time.Instant;
import java.util.List;

/**
 * A feed before it is written in a format: what it is about, where it lives, and its items,
 * newest first. URLs are absolute.
 *
 * @param homeUrl the HTML page the feed follows (the front page, a section page...)
 * @param folderUrl where the feed's files live, ending in a slash; a format's file name is
 *     appended to it (e.g. {@code https://news.example/feed/world/} + {@code rss.xml})
 * @param language BCP 47 tag, e.g. {@code en-GB}
 * @param iconUrl a square icon (the site's favicon)
 * @param logoUrl the publication's logo
 * @param updated newest change among the items (for an empty feed, when it was made)
 */
public record FeedChannel(
    String title,
    String description,
    String homeUrl,
    String folderUrl,
    String language,
    String publisher,
    String iconUrl,
    String logoUrl,
    Instant updated,
    List<FeedItem> items) {

  public FeedChannel {
    items = List.copyOf(items);
    if (updated == null) throw new IllegalArgumentException("a feed needs its updated time");
    if (!folderUrl.endsWith("/"))
      throw new IllegalArgumentException("folderUrl must end with a slash: " + folderUrl);
  }

  public String url(FeedFormat format) {
    return folderUrl + format.fileName();
  }
}
