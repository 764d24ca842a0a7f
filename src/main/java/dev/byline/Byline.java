package dev.byline;

import dev.byline.config.Config;
import dev.byline.config.ConfigException;
import dev.byline.admin.RelatedAdmin;
import dev.byline.content.ScheduledPublisher;
import dev.byline.related.RelatedChoices;
import dev.byline.related.RelatedFinder;
import dev.byline.related.RelatedFreshness;
import dev.byline.search.SearchIndex;
import dev.byline.search.StoryKeys;
import dev.byline.site.ArticlePages;
import dev.byline.site.ErrorPages;
import dev.byline.site.FrontPage;
import dev.byline.site.ListPages;
import dev.byline.site.MediaRoutes;
import dev.byline.site.PageCache;
import dev.byline.site.SearchPages;
import dev.byline.site.Site;
import dev.byline.store.ChangeFollower;
import dev.byline.web.SecurityHeaders;
import dev.byline.web.StaticAssets;
import dev.byline.web.Views;
import dev.byline.web.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The composition root: builds every part with plain constructors, in reading order, and starts
 * the server. Tests build the same graph on a temporary data directory.
 */
public final class Byline implements AutoCloseable {
  /** Change-feed poll for changes made by other nodes; local changes wake followers at once. */
  static final long FEED_POLL_MILLIS = 500;

  /** Memory for cached search pages: popular searches repeat, but readers can ask endlessly many. */
  static final int DEFAULT_SEARCH_CACHE_MB = 16;

  private final Newsroom newsroom;
  private final PageCache cache;
  private final SearchIndex index;
  private final WebServer server;
  private final List<AutoCloseable> parts;

  private Byline(Newsroom newsroom, PageCache cache, SearchIndex index, WebServer server, List<AutoCloseable> parts) {
    this.newsroom = newsroom;
    this.cache = cache;
    this.index = index;
    this.server = server;
    this.parts = parts;
  }

  public static Byline start(Config requested) {
    return start(requested, Clock.systemUTC());
  }

  public static Byline start(Config requested, Clock clock) {
    var config = requested.port() == 0 ? requested.withPort(freePort(), requested.setting("base.url").isEmpty()) : requested;
    var newsroom = Newsroom.open(config, clock);
    var parts = new ArrayList<AutoCloseable>();
    try {
      if (config.boolSetting("demo", false)) newsroom.demo().seed();

      var cache = new PageCache(config.intSetting("cache.max.mb", (int) (PageCache.DEFAULT_MAX_BYTES >> 20)) * 1024L * 1024L);
      var searchCache = new PageCache(config.intSetting("search.cache.max.mb", DEFAULT_SEARCH_CACHE_MB) * 1024L * 1024L);
      ChangeFollower cacheFollower = newsroom.feed().follow("page-cache", newsroom.feed().head(), FEED_POLL_MILLIS, cache::onChanges);
      parts.add(cacheFollower);
      parts.add(new ScheduledPublisher(newsroom.articles()).start());

      var storyKeys = StoryKeys.NONE;
      var index = SearchIndex.open(config.dataDir().resolve("index"), newsroom.articles(), newsroom.feed(), storyKeys, clock);
      parts.add(index);
      // Search pages are purged when the index has changed, not when the feed has: purged any
      // earlier, a search could render from the old index and be kept.
      index.onRefreshed(searchCache::clear);
      var choices = new RelatedChoices(newsroom.db(), newsroom.feed(), clock);
      int inlineMax = boundedSetting(config, "related.inline.max", RelatedFinder.DEFAULT_INLINE_MAX, 0, 10);
      int listMax = boundedSetting(config, "related.list.max", RelatedFinder.DEFAULT_LIST_MAX, 0, 12);
      var related = new RelatedFinder(index, newsroom.articles(), choices, storyKeys, inlineMax, listMax);
      var freshness = new RelatedFreshness(related, index, newsroom.articles(), newsroom.db(), newsroom.feed(), clock,
          inlineMax + listMax);
      parts.add(freshness);
      index.onPublished(freshness::onPublished);
      index.start();

      var assets = StaticAssets.load();
      var site = new Site(config, new Views(), cache, newsroom.sections(), assets);
      site.addScript("search.js");
      var articlePages = new ArticlePages(site, newsroom.articles(), related);
      var lists = new ListPages(site, newsroom.articles(), newsroom.sections(), newsroom.topics(), newsroom.authors());
      var routes = List.of(
          assets,
          new MediaRoutes(newsroom.media()),
          new FrontPage(site, newsroom.articles()),
          lists,
          // Before the article route: /search/suggest has the shape of /{section}/{slug}.
          new SearchPages(site, index, newsroom.sections(), newsroom.topics(), searchCache),
          new RelatedAdmin(newsroom.articles(), choices, related, site.views()),
          articlePages,
          lists.sectionRoute());
      var headers = SecurityHeaders.strict(config.baseUrl().startsWith("https://"));
      var server = WebServer.create(headers, new ErrorPages(site), routes)
          .start(config.setting("http.host", "0.0.0.0"), config.port());
      return new Byline(newsroom, cache, index, server, parts);
    } catch (RuntimeException e) {
      closeAll(parts);
      newsroom.close();
      throw e;
    }
  }

  public int port() {
    return server.port();
  }

  public Config config() {
    return newsroom.config();
  }

  public Newsroom newsroom() {
    return newsroom;
  }

  public PageCache pageCache() {
    return cache;
  }

  public SearchIndex searchIndex() {
    return index;
  }

  /** The URL the site listens on, for people and tests. */
  public String url() {
    return "http://localhost:" + port() + "/";
  }

  @Override
  public void close() {
    server.close();
    closeAll(parts);
    newsroom.close();
  }

  private static void closeAll(List<AutoCloseable> parts) {
    for (int i = parts.size() - 1; i >= 0; i--) {
      try {
        parts.get(i).close();
      } catch (Exception ignored) {
        // Closing is best effort; the next part must still close.
      }
    }
  }

  private static int boundedSetting(Config config, String key, int fallback, int min, int max) {
    int v = config.intSetting(key, fallback);
    if (v < min || v > max) throw new ConfigException(key, "must be from " + min + " to " + max + ", not " + v);
    return v;
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
