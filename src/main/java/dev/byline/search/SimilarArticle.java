package dev.byline.search;

import java.time.Instant;
import java.util.List;

/**
 * A published article found similar to another, with the evidence ranking policy weighs.
 *
 * @param similarity cosine similarity of the two texts' weighted term vectors, 0 to 1
 * @param headlineSimilarity cosine of the asking article's headline terms against this article's
 *     whole text, 0 to 1: does it tell the story the headline names
 * @param nameSimilarity cosine of the two texts' names ({@link Names}: people, places,
 *     organisations), 0 to 1; 0 when either names none
 * @param years whether the two texts mention the same years
 * @param topicIds the article's topics
 * @param storyKey the wire story it is a version of, or null
 * @param fingerprint its text's MinHash sketch, to spot near-duplicates
 */
public record SimilarArticle(
    long id,
    double similarity,
    double headlineSimilarity,
    double nameSimilarity,
    YearMatch years,
    List<Long> topicIds,
    Instant publishedAt,
    String storyKey,
    Fingerprint fingerprint) {
  public SimilarArticle {
    topicIds = List.copyOf(topicIds);
  }

  /** Whether two texts mention the same years. */
  public enum YearMatch {
    /** Both mention years and share at least one. */
    SHARED,
    /** Both mention years and share none: most likely two different events. */
    DIFFERENT,
    /** One or both mention no year: no evidence either way. */
    UNKNOWN
  }
}
