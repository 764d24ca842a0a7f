package dev.byline;

import dev.byline.brand.SiteSettingsStore;
import dev.byline.config.Config;
import dev.byline.consent.KnownServices;
import dev.byline.ops.Operations;
import dev.byline.pages.MenuItem;
import dev.byline.site.ArticlePages;
import dev.byline.site.BreakingRoutes;
import dev.byline.site.BreakingStream;
import dev.byline.site.CachedPageHandler;
import dev.byline.site.Chrome;
import dev.byline.site.ColoursStylesheet;
import dev.byline.site.ErrorPages;
import dev.byline.site.FrontPage;
import dev.byline.site.LegacyRedirects;
import dev.byline.site.ListPages;
import dev.byline.site.LivePages;
import dev.byline.site.MediaRoutes;
import dev.byline.site.PageCache;
import dev.byline.site.SearchPages;
import dev.byline.site.Site;
import dev.byline.site.SitePageRoutes;
import dev.byline.store.Change;
import dev.byline.store.ChangeFollower;
import dev.byline.store.Dialect;
import dev.byline.store.NodePositions;
import dev.byline.store.PositionReporter;
import dev.byline.web.Routes;
import dev.byline.web.SecurityHeaders;
import dev.byline.web.Views;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The public site: the chrome around every page, the page cache that follows the change feed,
 * and the pages readers browse (front, sections, topics, authors, articles, search, media, old
 * addresses). Its routes go last, since a section and an article are catch-all addresses.
 */
final class SiteFeature implements Routes, AutoCloseable {
  /**
   * Change-feed poll for changes made by other nodes; local changes wake followers at once. Also
   * bounds how long purges to a shared cache wait for this node (see {@link NodePositions}).
   */
  static final long FEED_POLL_MILLIS = 250;

  private final Newsroom newsroom;
  private final SearchFeature search;
  private final PageCache cache;
  private final SiteSettingsStore settings;
  private final ChangeFollower cacheFollower;
  private volatile PositionReporter position;
  private final Site site;
  private final ArticlePages articles;
  private final SitePageRoutes sitePages;
  private final ListPages lists;
  private final LivePages live;
  private final BreakingRoutes breaking;
  private final BreakingStream breakingStream;

  SiteFeature(
      Config config,
      Newsroom newsroom,
      ConsentSettings consent,
      SiteSettingsStore settings,
      SearchFeature search,
      Clock clock) {
    this.newsroom = newsroom;
    this.search = search;
    // In development (serve --dev) every page is rendered afresh, so an edited template shows on
    // the next reload.
    cache = new PageCache(
        config.boolSetting("dev", false)
            ? 0
            : config.intSetting("cache.max.mb", (int) (PageCache.DEFAULT_MAX_BYTES >> 20))
                * 1024L
                * 1024L,
        clock);
    this.settings = settings;
    site = new Site(
        config,
        Views.of(config),
        cache,
        newsroom.sections(),
        consent.assets(),
        settings::current,
        newsroom.images());
    consent.addTo(site);
    site.addScript("search.js");
    site.addScript("menu.js");
    site.addScript("breaking.js");
    var menus = newsroom.menus();
    site.useNavigation(() -> new Chrome.Navigation(
        menus.links(MenuItem.Menu.HEADER), menus.links(MenuItem.Menu.FOOTER)));
    boolean youtube = consent.policy().has(KnownServices.YOUTUBE);
    live = new LivePages(
        site,
        newsroom.published(),
        newsroom.live(),
        config.intSetting("live.poll.seconds", LivePages.DEFAULT_POLL_SECONDS, 1, 300),
        youtube);
    articles = new ArticlePages(
        site,
        newsroom.published(),
        search.related(),
        consent.ads(),
        youtube,
        live,
        newsroom.feed());
    sitePages = new SitePageRoutes(
        site, newsroom.pages(), newsroom.images(), newsroom.published(), youtube);
    lists = new ListPages(
        site,
        newsroom.published(),
        newsroom.sections(),
        newsroom.topics(),
        newsroom.authors(),
        newsroom.curation(),
        clock);
    breaking = new BreakingRoutes(site, newsroom.breaking());
    breakingStream = new BreakingStream(
        breaking::json,
        config.intSetting(
            "breaking.stream.max.clients", BreakingStream.DEFAULT_MAX_CLIENTS, 0, 1_000_000));
    cacheFollower = newsroom
        .feed()
        .followReadingOwnWrites(
            "page-cache", newsroom.feed().head(), FEED_POLL_MILLIS, this::onCacheChanges);
    // Several nodes share a PostgreSQL database; a SQLite file has one node, whose own writes
    // purge its cache before they return, so nothing needs to wait for it.
    position = newsroom.db().dialect() == Dialect.POSTGRESQL
        ? PositionReporter.start(
            new NodePositions(newsroom.db(), clock),
            Operations.nodeName(config) + "-" + UUID.randomUUID().toString().substring(0, 8),
            cacheFollower::position)
        : null;
  }

  private void onCacheChanges(List<Change> changes) {
    cache.onChanges(changes);
    breakingStream.onChanges(changes);
    var reporter = position; // null until the constructor has set it, and on SQLite
    if (reporter != null && !changes.isEmpty())
      reporter.applied(changes.get(changes.size() - 1).seq());
  }

  /** The site settings the newsroom edits in the admin. */
  SiteSettingsStore settings() {
    return settings;
  }

  Site site() {
    return site;
  }

  PageCache cache() {
    return cache;
  }

  BreakingStream breakingStream() {
    return breakingStream;
  }

  /** Article pages, also for previews in the admin. */
  ArticlePages articlePages() {
    return articles;
  }

  /** The live-blog fragment and feeds; the article pages show the coverage itself. */
  LivePages livePages() {
    return live;
  }

  /** Errors in the site's own design. */
  ErrorPages errorPages() {
    return new ErrorPages(site);
  }

  /** The page cache's fast path, answering cached pages before any routing. */
  CachedPageHandler cachedPages(SecurityHeaders headers, CachedPageHandler.Observer observer) {
    return new CachedPageHandler(cache, headers, observer);
  }

  /** The follower that purges the page cache, for its lag in metrics. */
  ChangeFollower cacheFollower() {
    return cacheFollower;
  }

  @Override
  public void routes(RoutesConfig r) {
    site.assets().routes(r);
    new ColoursStylesheet(settings::current).routes(r);
    new MediaRoutes(newsroom.media()).routes(r);
    new LegacyRedirects(newsroom.redirects(), newsroom.published()).routes(r);
    new FrontPage(site, newsroom.published(), newsroom.curation(), newsroom.clock()).routes(r);
    sitePages.routes(r);
    breaking.routes(r);
    breakingStream.routes(r);
    lists.routes(r);
    // Before the article route: /search/suggest has the shape of /{section}/{slug}.
    new SearchPages(site, search.index(), newsroom.sections(), newsroom.topics(), search.cache())
        .routes(r);
    articles.routes(r);
    lists.sectionRoute().routes(r);
  }

  @Override
  public void close() {
    cacheFollower.close();
    breakingStream.close();
    if (position != null) position.close();
  }
}
