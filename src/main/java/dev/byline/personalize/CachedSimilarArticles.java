package dev.byline.personalize;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;

/**
 * Remembers what the related engine said about an article for a few minutes: many readers read
 * the same stories, and asking the engine costs a search each time.
 */
public final class CachedSimilarArticles implements SimilarArticles {
  /** New stories become "similar" within this time; a few minutes late is fine for "For you". */
  static final Duration CACHE_TIME = Duration.ofMinutes(5);
  /** The day's most read stories and then some. */
  static final int CACHE_SIZE = 10_000;
  /** Asked for this many once, so any smaller limit is answered from the cache. */
  static final int DEPTH = 20;

  private final SimilarArticles engine;
  private final Cache<Long, List<Long>> cache =
      Caffeine.newBuilder().maximumSize(CACHE_SIZE).expireAfterWrite(CACHE_TIME).build();

  public CachedSimilarArticles(SimilarArticles engine) {
    this.engine = engine;
  }

  @Override
  public List<Long> similarTo(long articleId, int limit) {
    var ids = cache.get(articleId, id -> List.copyOf(engine.similarTo(id, Math.max(limit, DEPTH))));
    return ids.stream().filter(id -> id != articleId).limit(limit).toList();
  }
}
