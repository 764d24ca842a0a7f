package dev.byline;

import dev.byline.config.Config;
import dev.byline.related.RelatedChoices;
import dev.byline.related.RelatedFinder;
import dev.byline.related.RelatedFreshness;
import dev.byline.search.SearchIndex;
import dev.byline.site.PageCache;
import dev.byline.wire.Wire;
import java.time.Clock;

/**
 * Search and related stories: the Lucene index that follows the change feed, the related engine
 * with editors' pins and blocks, and the small cache of search pages. Its pages belong to the site
 * ({@code /search}) and the admin (related links); this builds what they ask.
 */
final class SearchFeature implements AutoCloseable {
  /** Memory for cached search pages: popular searches repeat, but readers can ask endlessly many. */
  static final int DEFAULT_SEARCH_CACHE_MB = 16;

  private final SearchIndex index;
  private final PageCache cache;
  private final RelatedChoices choices;
  private final RelatedFinder related;
  private final RelatedFreshness freshness;

  SearchFeature(Config config, Newsroom newsroom, Clock clock) {
    // Settings first: a mistake in them must fail before the index is opened (and locked).
    int inlineMax =
        config.intSetting("related.inline.max", RelatedFinder.DEFAULT_INLINE_MAX, 0, 10);
    int listMax = config.intSetting("related.list.max", RelatedFinder.DEFAULT_LIST_MAX, 0, 12);
    cache = new PageCache(
        config.boolSetting("dev", false)
            ? 0 // in development every search is answered afresh, like every page
            : config.intSetting("search.cache.max.mb", DEFAULT_SEARCH_CACHE_MB) * 1024L * 1024L,
        clock);
    var storyKeys = Wire.storyKeys(newsroom.db());
    index = SearchIndex.open(
        config.dataDir().resolve("index"), newsroom.published(), newsroom.feed(), storyKeys, clock);
    // Search pages are purged when the index has changed, not when the feed has: purged any
    // earlier, a search could render from the old index and be kept.
    index.onRefreshed(cache::clear);
    choices = new RelatedChoices(newsroom.db(), newsroom.feed(), clock);
    related =
        new RelatedFinder(index, newsroom.published(), choices, storyKeys, inlineMax, listMax);
    freshness = new RelatedFreshness(
        related,
        index,
        newsroom.articles(),
        newsroom.db(),
        newsroom.feed(),
        clock,
        inlineMax + listMax);
    index.onPublished(freshness::onPublished);
    index.start();
  }

  SearchIndex index() {
    return index;
  }

  /** Rendered search pages and suggestions, emptied whenever the index changes. */
  PageCache cache() {
    return cache;
  }

  RelatedChoices choices() {
    return choices;
  }

  RelatedFinder related() {
    return related;
  }

  @Override
  public void close() {
    freshness.close();
    index.close();
  }
}
