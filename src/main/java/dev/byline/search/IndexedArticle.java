package dev.byline.search;

import dev.byline.content.Article;
import dev.byline.content.PublishedText;
import java.util.List;

/**
 * What the index keeps of one published article, as plain text and ids: the single input of
 * {@link IndexSchema#document}, whether the article comes from the database or from a generator.
 *
 * @param body the body's words, paragraphs separated by blank lines (as {@link Article#bodyText()})
 * @param sectionId 0 when the article has no section
 * @param publishedMillis first publication, epoch milliseconds (0 when unknown)
 * @param storyKey the wire story it is a version of, or null
 */
record IndexedArticle(
    long id,
    String slug,
    String headline,
    String standfirst,
    String body,
    long sectionId,
    List<Long> topicIds,
    long publishedMillis,
    String storyKey) {
  IndexedArticle {
    topicIds = List.copyOf(topicIds);
  }

  static IndexedArticle of(PublishedText article, String storyKey) {
    return new IndexedArticle(
        article.id(),
        article.slug(),
        article.headline(),
        article.standfirst(),
        article.bodyText(),
        article.sectionId() == null ? 0 : article.sectionId(),
        article.topicIds().stream().distinct().toList(),
        article.firstPublishedAt() == null ? 0 : article.firstPublishedAt().toEpochMilli(),
        storyKey);
  }
}
