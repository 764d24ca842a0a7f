package dev.byline.pages;

import dev.byline.content.Block;
import java.time.Instant;
import java.util.List;

/**
 * A page as stored.
 *
 * @param markdown the body as Markdown: as typed, or made from the block editor's blocks; {@code
 *     body} is the blocks themselves
 * @param publishedAt when it first went out; null while it never has
 * @param version increases with every save; a save names the version it edited
 */
public record SitePage(
    long id,
    String slug,
    String title,
    String summary,
    String markdown,
    List<Block> body,
    PageStatus status,
    Instant publishedAt,
    Instant updatedAt,
    Instant modifiedAt,
    int version) {
  /** Where every page lives: {@code /page/{slug}}. ("page" is a reserved section slug.) */
  public static final String PREFIX = "/page/";

  public SitePage {
    body = List.copyOf(body);
  }

  public static String pathOf(String slug) {
    return PREFIX + slug;
  }

  public String path() {
    return pathOf(slug);
  }

  public boolean isPublished() {
    return status == PageStatus.PUBLISHED;
  }
}
