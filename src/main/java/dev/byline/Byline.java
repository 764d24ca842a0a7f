package dev.byline;

import dev.byline.admin.AccountPages;
import dev.byline.admin.AdminSite;
import dev.byline.admin.AnalyticsDashboard;
import dev.byline.admin.ArticleDesk;
import dev.byline.admin.ArticleEditor;
import dev.byline.admin.AuditPages;
import dev.byline.admin.CatalogPages;
import dev.byline.admin.ConsentAdmin;
import dev.byline.admin.Dashboard;
import dev.byline.admin.EditorPanels;
import dev.byline.admin.LoginPages;
import dev.byline.admin.PhotoDesk;
import dev.byline.admin.RelatedAdmin;
import dev.byline.admin.RevisionPages;
import dev.byline.admin.SessionGate;
import dev.byline.admin.UserPages;
import dev.byline.admin.WireInboxPages;
import dev.byline.ads.AdsSettings;
import dev.byline.ads.AdsTxt;
import dev.byline.analytics.AnalyticsReports;
import dev.byline.analytics.AnalyticsSettings;
import dev.byline.analytics.AnalyticsStore;
import dev.byline.analytics.MostRead;
import dev.byline.analytics.PageResolver;
import dev.byline.analytics.PageViews;
import dev.byline.analytics.VisitorHash;
import dev.byline.api.WirePushEndpoint;
import dev.byline.auth.Accounts;
import dev.byline.auth.Role;
import dev.byline.config.Config;
import dev.byline.config.ConfigException;
import dev.byline.consent.ConsentChoiceReader;
import dev.byline.consent.ConsentPolicy;
import dev.byline.consent.ConsentRecords;
import dev.byline.consent.KnownServices;
import dev.byline.consent.SubmissionLimiter;
import dev.byline.content.ArticleRevisions;
import dev.byline.content.ScheduledPublisher;
import dev.byline.distribution.DistributionSettings;
import dev.byline.distribution.FeedBuilder;
import dev.byline.distribution.Sitemaps;
import dev.byline.personalize.CachedSimilarArticles;
import dev.byline.personalize.FreshArticles;
import dev.byline.personalize.Recommender;
import dev.byline.personalize.SimilarArticles;
import dev.byline.related.RelatedChoices;
import dev.byline.related.RelatedFinder;
import dev.byline.related.RelatedFreshness;
import dev.byline.search.SearchIndex;
import dev.byline.search.StoryKeys;
import dev.byline.site.AdsTxtRoute;
import dev.byline.site.ArticlePages;
import dev.byline.site.BeaconHandler;
import dev.byline.site.CachedPageHandler;
import dev.byline.site.Chrome;
import dev.byline.site.ConsentMarkup;
import dev.byline.site.ConsentRoutes;
import dev.byline.site.CookiePolicyPage;
import dev.byline.site.ErrorPages;
import dev.byline.site.FeedRoutes;
import dev.byline.site.FeedText;
import dev.byline.site.ForYouRoute;
import dev.byline.site.FrontPage;
import dev.byline.site.LegacyRedirects;
import dev.byline.site.ListPages;
import dev.byline.site.MediaRoutes;
import dev.byline.site.MostReadPages;
import dev.byline.site.PageCache;
import dev.byline.site.SearchPages;
import dev.byline.site.Site;
import dev.byline.site.SitemapRoutes;
import dev.byline.store.ChangeFollower;
import dev.byline.web.Listener;
import dev.byline.web.SecurityHeaders;
import dev.byline.web.StaticAssets;
import dev.byline.web.Views;
import dev.byline.web.WebServer;
import dev.byline.wire.DropFolders;
import dev.byline.wire.FeedPoller;
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
  /**
   * Path prefixes whose state-changing requests are exempt from the CSRF check, because each
   * authenticates its callers some other way (an agency's push token, a consent record: same-origin
   * JSON, validated and rate-limited) or acts for no account at all: a reader's page-view beacon,
   * and "For you", a read-only question posted so the reader's signals stay out of URLs and logs.
   * Keep this list short and every entry narrow.
   */
  static final List<String> CSRF_EXEMPT = List.of(
      ConsentRoutes.CSRF_EXEMPT_PREFIX,
      WirePushEndpoint.PATH_PREFIX,
      BeaconHandler.PATH,
      ForYouRoute.PATH);

  /** Change-feed poll for changes made by other nodes; local changes wake followers at once. */
  static final long FEED_POLL_MILLIS = 500;
  /** Two weeks: "For you" picks news, not the archive. */
  static final int DEFAULT_FRESH_DAYS = 14;

  /** Memory for cached search pages: popular searches repeat, but readers can ask endlessly many. */
  static final int DEFAULT_SEARCH_CACHE_MB = 16;

  private final Newsroom newsroom;
  private final Accounts accounts;
  private final PageCache cache;
  private final SearchIndex index;
  private final WebServer server;
  private final List<AutoCloseable> parts;
  private final PageViews pageViews;

  private Byline(
      Newsroom newsroom,
      Accounts accounts,
      PageCache cache,
      SearchIndex index,
      WebServer server,
      List<AutoCloseable> parts,
      PageViews pageViews) {
    this.newsroom = newsroom;
    this.accounts = accounts;
    this.cache = cache;
    this.index = index;
    this.server = server;
    this.parts = parts;
    this.pageViews = pageViews;
  }

  public static Byline start(Config requested) {
    return start(requested, Clock.systemUTC());
  }

  public static Byline start(Config requested, Clock clock) {
    // Bound before anything is built, so the site knows its own address; port 0 takes a free
    // port, held from here on, so nothing else can take it in between.
    var listener = Listener.bind(requested.setting("http.host", "0.0.0.0"), requested.port());
    var config = requested.port() == 0
        ? requested.withPort(listener.port(), requested.setting("base.url").isEmpty())
        : requested;
    var parts = new ArrayList<AutoCloseable>();
    parts.add(listener);
    Newsroom newsroom;
    try {
      newsroom = Newsroom.open(config, clock);
    } catch (RuntimeException e) {
      listener.close();
      throw e;
    }
    try {
      if (config.boolSetting("demo", false)) newsroom.demo().seed();

      var cache =
          new PageCache(config.intSetting("cache.max.mb", (int) (PageCache.DEFAULT_MAX_BYTES >> 20))
              * 1024L
              * 1024L);
      var searchCache = new PageCache(
          config.intSetting("search.cache.max.mb", DEFAULT_SEARCH_CACHE_MB) * 1024L * 1024L);
      ChangeFollower cacheFollower = newsroom
          .feed()
          .followReadingOwnWrites(
              "page-cache", newsroom.feed().head(), FEED_POLL_MILLIS, cache::onChanges);
      parts.add(cacheFollower);
      parts.add(new ScheduledPublisher(newsroom.articles(), clock).start());

      var wire = newsroom.wire();
      parts.add(
          new DropFolders(wire.ingest(), wire.sources().all(), wire.sources().scanMillis())
              .start());
      parts.add(new FeedPoller(wire.ingest(), newsroom.state(), wire.sources().all()).start());

      var storyKeys = StoryKeys.NONE;
      var index = SearchIndex.open(
          config.dataDir().resolve("index"),
          newsroom.articles(),
          newsroom.feed(),
          storyKeys,
          clock);
      parts.add(index);
      // Search pages are purged when the index has changed, not when the feed has: purged any
      // earlier, a search could render from the old index and be kept.
      index.onRefreshed(searchCache::clear);
      var choices = new RelatedChoices(newsroom.db(), newsroom.feed(), clock);
      int inlineMax =
          boundedSetting(config, "related.inline.max", RelatedFinder.DEFAULT_INLINE_MAX, 0, 10);
      int listMax =
          boundedSetting(config, "related.list.max", RelatedFinder.DEFAULT_LIST_MAX, 0, 12);
      var related =
          new RelatedFinder(index, newsroom.articles(), choices, storyKeys, inlineMax, listMax);
      var freshness = new RelatedFreshness(
          related,
          index,
          newsroom.articles(),
          newsroom.db(),
          newsroom.feed(),
          clock,
          inlineMax + listMax);
      parts.add(freshness);
      index.onPublished(freshness::onPublished);
      index.start();

      // Consent and ads: the policy comes from consent.* and ads.*; the choice is applied in the
      // browser.
      var ads = AdsSettings.from(config);
      var policy = ConsentPolicy.from(config, ads.services());
      var consentRecords = new ConsentRecords(newsroom.db(), clock);
      var files = StaticAssets.load();
      var consentMarkup = new ConsentMarkup(policy, ads, config.languageTag(), files);
      var assets = files.with(ConsentMarkup.SETTINGS_ASSET, consentMarkup.settingsScript());

      var views = new Views();
      var site = new Site(config, views, cache, newsroom.sections(), assets);
      site.addToHead(consentMarkup.head());
      site.addToBodyEnd(consentMarkup.bodyEnd());
      site.addScript(ConsentMarkup.SETTINGS_ASSET);
      site.addScript("cookieconsent.umd.js");
      site.addScript("consent.js");
      site.addScript("search.js");
      site.addFooterLink(new Chrome.FooterLink(
          "Cookie settings", ConsentMarkup.POLICY_PATH + "#settings", "consent-settings"));
      var accounts = Accounts.open(newsroom.db(), clock);
      var https = config.baseUrl().startsWith("https://");
      var gate = new SessionGate(
          accounts.sessions(),
          accounts.tokens(),
          CSRF_EXEMPT,
          https,
          config.boolSetting("http.trust.forwarded", false));
      var admin = new AdminSite(config, views, assets);
      admin.addNav("wire", "Wire", "/admin/wire", Role.EDITOR);
      admin.addNav("consent", "Consent records", "/admin/consent", Role.ADMIN);
      var articlePages = new ArticlePages(
          site, newsroom.articles(), related, ads, policy.has(KnownServices.YOUTUBE));
      var revisions = new ArticleRevisions(newsroom.db(), clock);
      var relatedAdmin = new RelatedAdmin(admin, newsroom.articles(), choices, related);
      var editorPanels = new EditorPanels();
      editorPanels.add(relatedAdmin.editorPanel());
      var lists = new ListPages(
          site, newsroom.articles(), newsroom.sections(), newsroom.topics(), newsroom.authors());
      var distribution = DistributionSettings.from(config);
      var chrome = site.chrome();
      var publisher = new FeedBuilder.Publisher(
          config.siteName(),
          config.baseUrl(),
          config.languageTag(),
          chrome.absolute(chrome.iconUrl()),
          chrome.absolute(chrome.logoUrl()));
      var feedText =
          new FeedText(site.views(), newsroom.articles(), config.baseUrl(), config.siteName());
      var feeds = new FeedRoutes(
          site,
          new FeedBuilder(publisher, newsroom.articles(), feedText::html, distribution, clock),
          newsroom.sections(),
          newsroom.topics(),
          newsroom.authors(),
          clock);
      var sitemaps = new Sitemaps(
          config.baseUrl(),
          distribution.newsPublication(),
          config.languageTag(),
          newsroom.articles(),
          distribution.urlsPerSitemap(),
          clock);

      // Audience: cookieless counts, "Most read", "For you".
      var analytics = AnalyticsSettings.from(config);
      var analyticsStore = new AnalyticsStore(newsroom.db());
      var pageResolver = new PageResolver(
          newsroom.articles(),
          newsroom.sections(),
          newsroom.topics(),
          newsroom.authors(),
          Set.of(MostReadPages.PATH));
      var siteHost = URI.create(config.baseUrl()).getHost();
      var pageViews = new PageViews(
              analytics,
              analyticsStore,
              pageResolver,
              new VisitorHash(siteHost),
              clock,
              config.timeZone())
          .start();
      parts.add(pageViews);
      var mostRead = new MostRead(analyticsStore, newsroom.articles(), clock);
      pageViews.afterFlush(() -> {
        if (mostRead.refresh()) cache.purge(Set.of(MostRead.KEY));
      });
      if (analytics.enabled()) {
        if (analytics.requireConsent())
          site.addToHead("<meta name=\"byline-analytics\" content=\"require-consent\">");
        site.addScript("beacon.js");
      }
      site.addScript("for-you.js");
      var fresh = FreshArticles.open(
          newsroom.articles(),
          newsroom.feed(),
          clock,
          Duration.ofDays(config.intSetting("personalize.freshDays", DEFAULT_FRESH_DAYS)),
          FEED_POLL_MILLIS);
      parts.add(fresh);
      // "Similar to recent reads" is the related engine's own judgement, cached per article.
      SimilarArticles similar = new CachedSimilarArticles((id, limit) -> newsroom
          .articles()
          .byId(id)
          .filter(a -> a.isPublished())
          .map(a -> related.picks(a, limit).stream()
              .map(RelatedFinder.Pick::articleId)
              .toList())
          .orElse(List.of()));
      var recommender =
          new Recommender(fresh, newsroom.articles(), newsroom.topics(), similar, clock);

      admin.addNav("analytics", "Analytics", AnalyticsDashboard.PATH, Role.EDITOR);

      var routes = List.of(
          gate,
          assets,
          new LoginPages(admin, accounts, gate),
          new Dashboard(admin, newsroom.articles(), accounts.audit()),
          new AccountPages(admin, accounts),
          new UserPages(admin, accounts),
          new AuditPages(admin, accounts.audit()),
          new PhotoDesk(admin, newsroom.images(), accounts.audit()),
          new CatalogPages(
              admin,
              newsroom.sections(),
              newsroom.topics(),
              newsroom.authors(),
              newsroom.images(),
              accounts.audit()),
          new ArticleDesk(admin, newsroom.articles(), newsroom.topics()),
          new ArticleEditor(
              admin,
              newsroom.articles(),
              revisions,
              newsroom.sections(),
              newsroom.topics(),
              newsroom.authors(),
              newsroom.images(),
              articlePages,
              accounts.audit(),
              editorPanels,
              clock),
          new RevisionPages(
              admin,
              newsroom.articles(),
              revisions,
              newsroom.sections(),
              newsroom.topics(),
              newsroom.authors(),
              newsroom.images(),
              accounts.audit(),
              clock),
          new ConsentAdmin(admin, consentRecords, policy),
          new MediaRoutes(newsroom.media()),
          new LegacyRedirects(newsroom.redirects(), newsroom.articles()),
          new WirePushEndpoint(wire),
          new WireInboxPages(wire, articlePages, admin, clock),
          feeds,
          new SitemapRoutes(site, sitemaps, distribution, clock),
          new FrontPage(site, newsroom.articles()),
          lists,
          new CookiePolicyPage(site, policy),
          new ConsentRoutes(
              new ConsentChoiceReader(policy),
              consentRecords,
              SubmissionLimiter.from(config),
              config.baseUrl(),
              AdminSite::ip),
          new AdsTxtRoute(AdsTxt.render(ads, config.siteName())),
          // Before the article route: /search/suggest has the shape of /{section}/{slug}.
          new SearchPages(site, index, newsroom.sections(), newsroom.topics(), searchCache),
          relatedAdmin,
          new MostReadPages(site, mostRead),
          new ForYouRoute(site, recommender),
          new AnalyticsDashboard(
              admin,
              new AnalyticsReports(analyticsStore, config.timeZone()),
              pageViews,
              newsroom.articles(),
              newsroom.sections(),
              clock),
          articlePages,
          lists.sectionRoute());
      var headers = securityHeaders(config, policy);
      var front = new BeaconHandler(pageViews, analytics.clientIpHeader(), siteHost, headers);
      front.setHandler(new CachedPageHandler(cache, headers));
      var server = WebServer.create(headers, new ErrorPages(site), routes, front, listener)
          .start();
      return new Byline(newsroom, accounts, cache, index, server, parts, pageViews);
    } catch (RuntimeException e) {
      closeAll(parts);
      newsroom.close();
      throw e;
    }
  }

  /**
   * The strict policy, widened only by what consent allows to load: the hash of the inline Consent
   * Mode defaults (pages are cached and identical for every reader, so a per-response nonce cannot
   * be used) and the hosts of configured third parties, which the consent script reaches only after
   * the reader agrees.
   */
  static SecurityHeaders securityHeaders(Config config, ConsentPolicy policy) {
    var hosts = policy.hosts();
    var scripts = new ArrayList<String>();
    policy.googleConsentMode().ifPresent(m -> scripts.add(m.cspSource()));
    scripts.addAll(hosts.scripts());
    return SecurityHeaders.of(
        scripts,
        hosts.frames(),
        hosts.connects(),
        hosts.images(),
        config.baseUrl().startsWith("https://"));
  }

  public int port() {
    return server.port();
  }

  /** Every route the server answers and who may use it, for tests and operators. */
  public List<WebServer.Route> routes() {
    return server.routes();
  }

  public Config config() {
    return newsroom.config();
  }

  public Newsroom newsroom() {
    return newsroom;
  }

  /** Newsroom accounts, sessions and the audit log. */
  public Accounts accounts() {
    return accounts;
  }

  public PageCache pageCache() {
    return cache;
  }

  public SearchIndex searchIndex() {
    return index;
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

  private static int boundedSetting(Config config, String key, int fallback, int min, int max) {
    int v = config.intSetting(key, fallback);
    if (v < min || v > max)
      throw new ConfigException(key, "must be from " + min + " to " + max + ", not " + v);
    return v;
  }
}
