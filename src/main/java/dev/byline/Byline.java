package dev.byline;

import dev.byline.analytics.PageViews;
import dev.byline.api.ApiGate;
import dev.byline.api.BounceIntake;
import dev.byline.api.WirePushEndpoint;
import dev.byline.auth.Accounts;
import dev.byline.brand.SiteSettingsStore;
import dev.byline.config.Config;
import dev.byline.config.ConfigException;
import dev.byline.delivery.Deliveries;
import dev.byline.delivery.DeliveryQueue;
import dev.byline.i18n.Messages;
import dev.byline.media.ImageStore;
import dev.byline.newsletter.Newsletter;
import dev.byline.search.SearchIndex;
import dev.byline.site.BeaconHandler;
import dev.byline.site.BreakingStream;
import dev.byline.site.ConsentRoutes;
import dev.byline.site.ForYouRoute;
import dev.byline.site.NewsletterPages;
import dev.byline.site.PageCache;
import dev.byline.site.Site;
import dev.byline.site.SiteText;
import dev.byline.web.Listener;
import dev.byline.web.StaticAssets;
import dev.byline.web.Theme;
import dev.byline.web.UploadLimits;
import dev.byline.web.WebServer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The composition root: binds the port, opens the newsroom, builds each feature with plain
 * constructors in reading order, and starts the server. Each feature assembles itself in its own
 * class; tests build the same graph on a temporary data directory.
 */
public final class Byline implements AutoCloseable {
  /**
   * Path prefixes whose state-changing requests are exempt from the CSRF check, because each
   * authenticates its callers some other way (an agency's push token, an API key in a bearer
   * header a browser never adds by itself, a consent record: same-origin JSON, validated and
   * rate-limited) or acts for no account at all: a reader's page-view beacon,
   * and "For you", a read-only question posted so the reader's signals stay out of URLs and logs.
   * A newsletter's one-click unsubscribe (RFC 8058) is posted by the reader's mail provider with
   * no cookie, and proves itself with the link's signed token; a bounce report carries the
   * configured secret. Keep this list short and every entry narrow.
   */
  static final List<String> CSRF_EXEMPT = List.of(
      ConsentRoutes.CSRF_EXEMPT_PREFIX,
      WirePushEndpoint.PATH_PREFIX,
      BeaconHandler.PATH,
      ForYouRoute.PATH,
      ApiGate.PREFIX,
      NewsletterPages.UNSUBSCRIBE_PATH,
      BounceIntake.PATH);

  /** Public pages with a form for signed-out readers: they get the CSRF pre-session cookie. */
  static final List<String> FORM_PAGES = NewsletterPages.FORM_PAGES;

  /** The largest file an upload may carry, in megabytes. */
  static final String UPLOAD_MAX_MB = "upload.max.mb";

  private final Newsroom newsroom;
  private final WebServer server;
  private final Parts parts;
  private final SearchFeature search;
  private final SiteFeature site;
  private final AdminFeature admin;
  private final AudienceFeature audience;
  private final DeliveryFeature delivery;
  private final NewsletterFeature newsletter;

  private Byline(
      Newsroom newsroom,
      WebServer server,
      Parts parts,
      SearchFeature search,
      SiteFeature site,
      AdminFeature admin,
      AudienceFeature audience,
      DeliveryFeature delivery,
      NewsletterFeature newsletter) {
    this.newsroom = newsroom;
    this.server = server;
    this.parts = parts;
    this.search = search;
    this.site = site;
    this.admin = admin;
    this.audience = audience;
    this.delivery = delivery;
    this.newsletter = newsletter;
  }

  public static Byline start(Config requested) {
    return start(requested, Clock.systemUTC());
  }

  public static Byline start(Config requested, Clock clock) {
    var parts = new Parts();
    try {
      var listener =
          parts.add(Listener.bind(requested.setting("http.host", "0.0.0.0"), requested.port()));
      var config = ownAddress(requested, listener);
      var newsroom = parts.add(Newsroom.open(config, clock));
      if (config.boolSetting("demo", false)) {
        newsroom.demo().seed();
        newsroom.demoPages().seed();
      }
      // Pages, the banner and the scripts' words follow the settings' language from the next page.
      var settings = new SiteSettingsStore(
          newsroom.db(), newsroom.feed(), clock, Site.defaults(siteLanguage(config)));
      // The theme's stylesheet joins the built-in assets; its templates are compiled by Views.
      var assets = Theme.load(config.dataDir()).addTo(SiteText.addTo(StaticAssets.load()));
      var consent = ConsentSettings.from(config, assets);
      var search = parts.add(new SearchFeature(config, newsroom, clock));
      var site = parts.add(new SiteFeature(config, newsroom, consent, settings, search, clock));
      var admin = parts.add(new AdminFeature(config, newsroom, site, search, clock));
      var wire = parts.add(new WireFeature(newsroom, site, admin, clock));
      var live = new LiveFeature(newsroom, site, admin, wire);
      var cookies = new ConsentFeature(config, newsroom, consent, site, admin, clock);
      var audience = parts.add(new AudienceFeature(config, newsroom, site, search, admin, clock));
      var feeds = new DistributionFeature(config, newsroom, site, clock);
      var api = new ApiFeature(config, newsroom, search, admin, clock);
      var ops = parts.add(new OperationsFeature(config, newsroom, search, site, wire, clock));
      var delivery = parts.add(new DeliveryFeature(config, newsroom, admin, clock));
      var newsletter = parts.add(new NewsletterFeature(config, newsroom, site, admin, clock));
      var headers = consent.headers(config);
      var server = parts.add(WebServer.create(
              headers,
              site.errorPages(),
              // The gate first; the site's catch-all section and article addresses last.
              List.of(
                  admin,
                  ops,
                  wire,
                  live,
                  cookies,
                  audience,
                  feeds,
                  api,
                  delivery,
                  newsletter,
                  site),
              audience.beaconBefore(site.cachedPages(headers, ops.cachedPages()), headers),
              listener,
              ops.requestLog(),
              uploadLimits(config))
          .start());
      return new Byline(
          newsroom, server, parts, search, site, admin, audience, delivery, newsletter);
    } catch (RuntimeException e) {
      parts.close();
      throw e;
    }
  }

  /**
   * The site language's words: the one place the language readers see is chosen. An admin setting
   * can later feed it instead of {@code site.language}.
   */
  /** The configuration, once its {@code site.language} is known to be one the site speaks. */
  static Config siteLanguage(Config config) {
    try {
      Messages.of(config.language());
      return config;
    } catch (Messages.UnknownLanguage e) {
      throw new ConfigException("site.language", e.getMessage());
    }
  }

  /**
   * Uploads: files up to {@code upload.max.mb} (at most the photo desk's own limit, which is
   * also the default), waiting in {@code tmp/uploads} under the data directory.
   */
  static UploadLimits uploadLimits(Config config) {
    int mb = ImageStore.MAX_BYTES >> 20;
    return new UploadLimits(
        (long) config.intSetting(UPLOAD_MAX_MB, mb, 1, mb) << 20,
        UploadLimits.DEFAULT_IN_MEMORY_BYTES,
        config.dataDir().resolve("tmp").resolve("uploads"));
  }

  /**
   * The configuration with the port actually bound: on port 0 without a {@code base.url}, the
   * site's own address follows the port the system gave.
   */
  private static Config ownAddress(Config requested, Listener listener) {
    if (requested.port() != 0) return requested;
    return requested.withPort(listener.port(), requested.setting("base.url").isEmpty());
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
    return admin.accounts();
  }

  public PageCache pageCache() {
    return site.cache();
  }

  /** The breaking banner's pushes to open pages, for tests and metrics. */
  public BreakingStream breakingStream() {
    return site.breakingStream();
  }

  public SearchIndex searchIndex() {
    return search.index();
  }

  /** Page-view counting, for tests and operators' tools (e.g. to flush now). */
  public PageViews pageViews() {
    return audience.pageViews();
  }

  /** The outbound queue of webhooks and cache purges, for tests and operators' tools. */
  public Deliveries deliveries() {
    return delivery.deliveries();
  }

  public DeliveryQueue deliveryQueue() {
    return delivery.queue();
  }

  /** The newsletter, when {@code newsletter.smtp.host} is set: for tests and operators' tools. */
  public Optional<Newsletter> newsletter() {
    return newsletter.newsletter();
  }

  /** The URL the site listens on, for people and tests. */
  public String url() {
    return "http://localhost:" + port() + "/";
  }

  @Override
  public void close() {
    parts.close();
  }
}
