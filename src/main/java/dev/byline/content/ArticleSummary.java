package dev.byline.content;

import dev.byline.media.Image;
import java.time.Instant;

/**
 * What a list, a teaser or a link needs of an article. {@code image} may be null; {@code
 * language} is the story's own BCP 47 tag, null when it is in the site's language.
 */
public record ArticleSummary(
    long id,
    String slug,
    String headline,
    String standfirst,
    Section section,
    Image image,
    Instant firstPublishedAt,
    Instant updatedAt,
    String sourceName,
    String language) {

  public String path() {
    return ArticlePath.of(section, slug);
  }

  public boolean hasImage() {
    return image != null;
  }
}
