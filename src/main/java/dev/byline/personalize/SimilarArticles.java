package dev.byline.personalize;

import java.util.List;

/**
 * Finds articles like a given one. The related engine answers with its own judgement (text
 * similarity); {@link #NONE} leaves recommendations to shared topics and sections.
 */
@FunctionalInterface
public interface SimilarArticles {
  /** Ids of published articles like {@code articleId}, best first, never the article itself. */
  List<Long> similarTo(long articleId, int limit);

  SimilarArticles NONE = (id, limit) -> List.of();
}
