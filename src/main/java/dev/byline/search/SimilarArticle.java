package dev.byline.search;

import java.time.Instant;
import java.util.List;

/**
 * A published article found similar to another, with what ranking policy needs.
 *
 * @param similarity cosine similarity of the two texts' weighted term vectors, 0 to 1
 * @param topicIds the article's topics
 * @param storyKey the wire story it is a version of, or null
 * @param fingerprint its text's MinHash sketch, to spot near-duplicates
 */
public record SimilarArticle(
    long id,
    double similarity,
    List<Long> topicIds,
    Instant publishedAt,
    String storyKey,
    Fingerprint fingerprint) {
  public SimilarArticle {
    topicIds = List.copyOf(topicIds);
  }
}
