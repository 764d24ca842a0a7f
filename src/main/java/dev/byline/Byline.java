package dev.byline;

import dev.byline.admin.AnalyticsDashboard;
import dev.byline.analytics.AnalyticsReports;
import dev.byline.analytics.AnalyticsSettings;
import dev.byline.analytics.AnalyticsStore;
import dev.byline.analytics.MostRead;
import dev.byline.analytics.PageResolver;
import dev.byline.analytics.PageViews;
import dev.byline.analytics.VisitorHash;
import dev.byline.config.Config;
import dev.byline.content.RelatedArticles;
import dev.byline.content.ScheduledPublisher;
import dev.byline.personalize.FreshArticles;
import dev.byline.personalize.Recommender;
import dev.byline.personalize.RelatedSimilarArticles;
import dev.byline.personalize.SimilarArticles;
import dev.byline.site.ArticlePages;
import dev.byline.site.BeaconRoute;
import dev.byline.site.ForYouRoute;
import dev.byline.site.MostReadPages;
import dev.byline.site.ErrorPages;
import dev.byline.site.FrontPage;
import dev.byline.site.ListPages;
import dev.byline.site.MediaRoutes;
import dev.byline.site.PageCache;
import dev.byline.site.Site;
import dev.byline.store.ChangeFollower;
import dev.byline.web.SecurityHeaders;
import dev.byline.web.StaticAssets;
import dev.byline.web.Views;
import dev.byline.web.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The composition root: builds every part with plain constructors, in reading order, and starts
 * the server. Tests build the same graph on a temporary data directory.
 */
public final class Byline implements AutoCloseable {
  /** Change-feed poll for changes made by other nodes; local changes wake followers at once. */
  static final long FEED_POLL_MILLIS = 500;
  /** Two weeks: "For you" picks news, not the archive. */
  static final int DEFAULT_FRESH_DAYS = 14;

  private final Newsroom newsroom;
  private final PageCache cache;
  private final WebServer server;
  private final List<AutoCloseable> parts;
  private final PageViews pageViews;

  private Byline(Newsroom newsroom, PageCache cache, WebServer server, List<AutoCloseable> parts, PageViews pageViews) {
    this.newsroom = newsroom;
    this.cache = cache;
    this.server = server;
    this.parts = parts;
    this.pageViews = pageViews;
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
      ChangeFollower cacheFollower = newsroom.feed().follow("page-cache", newsroom.feed().head(), FEED_POLL_MILLIS, cache::onChanges);
      parts.add(cacheFollower);
      parts.add(new ScheduledPublisher(newsroom.articles()).start());

      var assets = StaticAssets.load();
      var site = new Site(config, new Views(), cache, newsroom.sections(), assets);
      var lists = new ListPages(site, newsroom.articles(), newsroom.sections(), newsroom.topics(), newsroom.authors());
      var related = RelatedArticles.NONE;

      // Audience: cookieless counts, "Most read", "For you".
      var analytics = AnalyticsSettings.from(config);
      var analyticsStore = new AnalyticsStore(newsroom.db());
      var pageResolver = new PageResolver(newsroom.articles(), newsroom.sections(), newsroom.topics(), newsroom.authors(),
          Set.of(MostReadPages.PATH));
      var siteHost = URI.create(config.baseUrl()).getHost();
      var pageViews = new PageViews(analytics, analyticsStore, pageResolver, new VisitorHash(siteHost), clock,
          config.timeZone()).start();
      parts.add(pageViews);
      var mostRead = new MostRead(analyticsStore, newsroom.articles(), clock);
      pageViews.afterFlush(() -> {
        if (mostRead.refresh()) cache.purge(Set.of(MostRead.KEY));
      });
      if (analytics.enabled()) {
        if (analytics.requireConsent()) site.addToHead("<meta name=\"byline-analytics\" content=\"require-consent\">");
        site.addScript("beacon.js");
      }
      site.addScript("for-you.js");
      var fresh = FreshArticles.open(newsroom.articles(), newsroom.feed(), clock,
          Duration.ofDays(config.intSetting("personalize.freshDays", DEFAULT_FRESH_DAYS)), FEED_POLL_MILLIS);
      parts.add(fresh);
      var similar = related == RelatedArticles.NONE ? SimilarArticles.NONE : new RelatedSimilarArticles(newsroom.articles(), related);
      var recommender = new Recommender(fresh, newsroom.articles(), newsroom.topics(), similar, clock);

      var routes = List.of(
          assets,
          new MediaRoutes(newsroom.media()),
          new FrontPage(site, newsroom.articles()),
          lists,
          new BeaconRoute(pageViews, analytics.clientIpHeader(), siteHost),
          new MostReadPages(site, mostRead),
          new ForYouRoute(site, recommender),
          new AnalyticsDashboard(new AnalyticsReports(analyticsStore, config.timeZone()), pageViews, newsroom.articles(),
              newsroom.sections(), site.views(), assets, config.siteName(), clock),
          new ArticlePages(site, newsroom.articles(), related),
          lists.sectionRoute());
      var headers = SecurityHeaders.strict(config.baseUrl().startsWith("https://"));
      var server = WebServer.create(headers, new ErrorPages(site), routes)
          .start(config.setting("http.host", "0.0.0.0"), config.port());
      return new Byline(newsroom, cache, server, parts, pageViews);
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

  /** Page-view counting, for tests and operators' tools (e.g. to flush now). */
  public PageViews pageViews() {
    return pageViews;
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

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
