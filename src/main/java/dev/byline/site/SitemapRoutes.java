package dev.byline.site;

import dev.byline.distribution.DistributionSettings;
import dev.byline.distribution.Robots;
import dev.byline.distribution.Sitemap;
import dev.byline.distribution.Sitemaps;
import dev.byline.store.SurrogateKey;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * {@code /robots.txt}, the sitemap index at {@code /sitemap.xml} and the sitemaps under
 * {@code /sitemaps/}. Each file is made once and kept in the page cache: a month's sitemap is
 * purged by its month key, everything else by "lists" (any article change) or "sections".
 * The news sitemap also depends on the clock (a story leaves it 48 hours after publication), so
 * its cache key names the {@link #NEWS_REFRESH_MINUTES}-minute slot it was made in.
 */
public final class SitemapRoutes implements Routes {
  static final String XML = "application/xml; charset=utf-8";
  /** How long a news sitemap is kept without any change: stories leave it at most this late. */
  static final long NEWS_REFRESH_MINUTES = 5;

  private final Site site;
  private final Sitemaps sitemaps;
  private final DistributionSettings settings;
  private final Clock clock;

  public SitemapRoutes(Site site, Sitemaps sitemaps, DistributionSettings settings, Clock clock) {
    this.site = site;
    this.sitemaps = sitemaps;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.get("/robots.txt", this::robots);
    routes.get("/sitemap.xml", this::index);
    routes.get("/sitemaps/{file}", this::sitemap);
  }

  private void robots(Context ctx) {
    site.cache()
        .serve(
            ctx,
            "/robots.txt",
            () -> new RenderedPage(
                200,
                "text/plain; charset=utf-8",
                Robots.text(site.config().baseUrl(), settings).getBytes(StandardCharsets.UTF_8),
                Set.of(SurrogateKey.SECTIONS),
                made()));
  }

  private void index(Context ctx) {
    site.cache().serve(ctx, "/sitemap.xml", () -> {
      var made = made();
      var out = new ByteArrayOutputStream(64 * 1024);
      sitemaps.writeIndex(out);
      return new RenderedPage(
          200, XML, out.toByteArray(), Set.of(SurrogateKey.LISTS, SurrogateKey.SECTIONS), made);
    });
  }

  private void sitemap(Context ctx) {
    var sitemap = Sitemap.parse(ctx.pathParam("file"))
        .orElseThrow(() -> new NotFoundResponse("There is no sitemap at this address."));
    var key = "/sitemaps/" + sitemap.fileName();
    if (sitemap instanceof Sitemap.News) {
      key += "@" + clock.millis() / (NEWS_REFRESH_MINUTES * 60_000);
    }
    site.cache().serve(ctx, key, () -> {
      if (!sitemaps.exists(sitemap))
        throw new NotFoundResponse("There is no sitemap at this address.");
      var made = made();
      var out = new ByteArrayOutputStream(256 * 1024);
      sitemaps.write(sitemap, out);
      return new RenderedPage(200, XML, out.toByteArray(), sitemaps.surrogateKeys(sitemap), made);
    });
  }

  private java.time.Instant made() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
