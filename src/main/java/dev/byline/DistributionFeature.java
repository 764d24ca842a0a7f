package dev.byline;

import dev.byline.config.Config;
import dev.byline.distribution.DistributionSettings;
import dev.byline.distribution.FeedBuilder;
import dev.byline.distribution.Sitemaps;
import dev.byline.site.FeedRoutes;
import dev.byline.site.FeedText;
import dev.byline.site.SitemapRoutes;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import java.time.Clock;

/** What carries stories off the site: RSS, Atom and JSON feeds, sitemaps and robots.txt. */
final class DistributionFeature implements Routes {
  private final FeedRoutes feeds;
  private final SitemapRoutes sitemaps;

  DistributionFeature(Config config, Newsroom newsroom, SiteFeature siteFeature, Clock clock) {
    var site = siteFeature.site();
    var settings = DistributionSettings.from(config);
    // From the chrome on every build, so feeds follow the site settings (purged by "chrome").
    java.util.function.Supplier<FeedBuilder.Publisher> publisher = () -> {
      var chrome = site.chrome();
      return new FeedBuilder.Publisher(
          chrome.siteName(),
          config.baseUrl(),
          chrome.lang(),
          chrome.absolute(chrome.iconUrl()),
          chrome.absolute(chrome.logoUrl()));
    };
    var text = new FeedText(
        site.views(),
        newsroom.published(),
        config.baseUrl(),
        () -> site.chrome().siteName(),
        site::messages);
    feeds = new FeedRoutes(
        site,
        new FeedBuilder(publisher, newsroom.published(), text, settings, clock),
        newsroom.sections(),
        newsroom.topics(),
        newsroom.authors(),
        clock);
    var maps = new Sitemaps(
        config.baseUrl(),
        settings.newsPublication(),
        site.chrome().lang(),
        newsroom.published(),
        settings.urlsPerSitemap(),
        clock,
        newsroom.pages()::allPublished);
    sitemaps = new SitemapRoutes(site, maps, settings, clock);
  }

  @Override
  public void routes(RoutesConfig r) {
    feeds.routes(r);
    sitemaps.routes(r);
  }
}
