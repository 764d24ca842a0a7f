package dev.byline;

import dev.byline.admin.AnalyticsDashboard;
import dev.byline.analytics.AnalyticsReports;
import dev.byline.analytics.AnalyticsSettings;
import dev.byline.analytics.AnalyticsStore;
import dev.byline.analytics.MostRead;
import dev.byline.analytics.PageResolver;
import dev.byline.analytics.PageViews;
import dev.byline.analytics.VisitorHash;
import dev.byline.auth.Role;
import dev.byline.config.Config;
import dev.byline.personalize.CachedSimilarArticles;
import dev.byline.personalize.FreshArticles;
import dev.byline.personalize.Recommender;
import dev.byline.site.BeaconHandler;
import dev.byline.site.ForYouRoute;
import dev.byline.site.MostReadPages;
import dev.byline.web.Routes;
import dev.byline.web.SecurityHeaders;
import io.javalin.config.RoutesConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.eclipse.jetty.server.Handler;

/**
 * The audience: cookieless page-view counting (the beacon, answered before routing), the
 * analytics dashboard, "Most read", and "For you" from a reader's recent reads.
 */
final class AudienceFeature implements Routes, AutoCloseable {
  /** Two weeks: "For you" picks news, not the archive. */
  static final int DEFAULT_FRESH_DAYS = 14;

  private final AnalyticsSettings settings;
  private final String siteHost;
  private final PageViews pageViews;
  private final FreshArticles fresh;
  private final MostReadPages mostRead;
  private final ForYouRoute forYou;
  private final AnalyticsDashboard dashboard;

  AudienceFeature(
      Config config,
      Newsroom newsroom,
      SiteFeature siteFeature,
      SearchFeature search,
      AdminFeature admin,
      Clock clock) {
    var site = siteFeature.site();
    settings = AnalyticsSettings.from(config);
    siteHost = URI.create(config.baseUrl()).getHost();
    var freshDays = config.intSetting("personalize.freshDays", DEFAULT_FRESH_DAYS);
    var store = new AnalyticsStore(newsroom.db());
    var resolver = new PageResolver(
        newsroom.published(),
        newsroom.sections(),
        newsroom.topics(),
        newsroom.authors(),
        Set.of(MostReadPages.PATH));
    pageViews = new PageViews(
            settings, store, resolver, new VisitorHash(siteHost), clock, config.timeZone())
        .start();
    var most = new MostRead(store, newsroom.published(), clock);
    pageViews.afterFlush(() -> {
      if (most.refresh()) siteFeature.cache().purge(Set.of(MostRead.KEY));
    });
    if (settings.enabled()) {
      if (settings.requireConsent()) site.addMeta("byline-analytics", "require-consent");
      site.addScript("beacon.js");
    }
    site.addScript("for-you.js");
    fresh = FreshArticles.open(
        newsroom.published(),
        newsroom.feed(),
        clock,
        Duration.ofDays(freshDays),
        SiteFeature.FEED_POLL_MILLIS);
    // "Similar to recent reads" is the related engine's own judgement, cached per article.
    var similar = new CachedSimilarArticles(search.related()::pickedIds);
    mostRead = new MostReadPages(site, most);
    forYou = new ForYouRoute(
        site, new Recommender(fresh, newsroom.published(), newsroom.topics(), similar, clock));
    admin.site().addNav("analytics", "Analytics", AnalyticsDashboard.PATH, Role.EDITOR);
    dashboard = new AnalyticsDashboard(
        admin.site(),
        new AnalyticsReports(store, config.timeZone()),
        pageViews,
        newsroom.articles(),
        newsroom.sections(),
        clock);
  }

  /** Page-view counting, for tests and operators' tools (e.g. to flush now). */
  PageViews pageViews() {
    return pageViews;
  }

  /** The beacon's handler, answering page views before {@code next} (and routing) sees them. */
  Handler.Singleton beaconBefore(Handler next, SecurityHeaders headers) {
    var beacon = new BeaconHandler(pageViews, settings.clientIpHeader(), siteHost, headers);
    beacon.setHandler(next);
    return beacon;
  }

  @Override
  public void routes(RoutesConfig r) {
    mostRead.routes(r);
    forYou.routes(r);
    dashboard.routes(r);
  }

  @Override
  public void close() {
    fresh.close();
    pageViews.close();
  }
}
