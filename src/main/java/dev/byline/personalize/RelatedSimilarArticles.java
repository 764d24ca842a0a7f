package dev.byline.personalize;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.byline.content.ArticleStore;
import dev.byline.content.ArticleSummary;
import dev.byline.content.RelatedArticles;
import java.time.Duration;
import java.util.List;

/**
 * Similar articles as the article page's related engine sees them: its "Related" list. Answers
 * are cached for a while, since many readers read the same stories.
 */
public final class RelatedSimilarArticles implements SimilarArticles {
  /** Related lists change when stories are published; a few minutes late is fine for "For you". */
  static final Duration CACHE_TIME = Duration.ofMinutes(5);
  static final int CACHE_SIZE = 10_000;

  private final ArticleStore articles;
  private final RelatedArticles related;
  private final Cache<Long, List<Long>> cache = Caffeine.newBuilder()
      .maximumSize(CACHE_SIZE).expireAfterWrite(CACHE_TIME).build();

  public RelatedSimilarArticles(ArticleStore articles, RelatedArticles related) {
    this.articles = articles;
    this.related = related;
  }

  @Override
  public List<Long> similarTo(long articleId, int limit) {
    var ids = cache.get(articleId, id -> articles.byId(id)
        .map(a -> related.planFor(a).related().stream().map(ArticleSummary::id).filter(x -> x != id).toList())
        .orElse(List.of()));
    return ids.stream().limit(limit).toList();
  }
}
