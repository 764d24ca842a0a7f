package dev.byline.content;

import java.time.Instant;
import java.util.List;

/**
 * What derived indexes keep of a published article: its words and the ids it is filed under,
 * without pictures, people or workflow. Read in bulk by {@link ArticleStore#publishedTexts}.
 *
 * @param bodyText the body's words, blocks separated by blank lines, as {@link Article#bodyText()}
 * @param sectionId null when the article has no section
 */
public record PublishedText(
    long id,
    String slug,
    String headline,
    String standfirst,
    String bodyText,
    Long sectionId,
    List<Long> topicIds,
    Instant firstPublishedAt) {
  public PublishedText {
    topicIds = List.copyOf(topicIds);
  }
}
