package dev.byline.distribution;

import dev.byline.config.Config;
import dev.byline.config.ConfigException;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code feeds.*}, {@code sitemaps.*}, {@code news.*} and {@code robots.*} settings.
 *
 * @param fullText items carry the whole story ({@code feeds.fulltext}, default true) rather
 *     than the summary alone
 * @param feedItems stories per feed ({@code feeds.items}, 1 to {@value #MAX_FEED_ITEMS})
 * @param urlsPerSitemap URLs per sitemap file ({@code sitemaps.urls.per.file}, at most 50,000)
 * @param newsPublication the publication name Google News knows ({@code news.publication.name},
 *     default the site name)
 * @param indexable false asks every crawler to stay away ({@code robots.index}; for staging)
 * @param disallow paths robots.txt closes to crawlers ({@code robots.disallow}, comma separated)
 */
public record DistributionSettings(
    boolean fullText,
    int feedItems,
    int urlsPerSitemap,
    String newsPublication,
    boolean indexable,
    List<String> disallow) {
  /** Two days of a busy newsroom: enough for a reader who checks every morning. */
  public static final int DEFAULT_FEED_ITEMS = 50;
  /** Beyond this a feed is an archive, which sitemaps and list pages already are. */
  public static final int MAX_FEED_ITEMS = 200;
  /** Admin, API and search results are not pages to index. */
  /**
   * Search stays open to crawlers: its first page of plain results may be indexed, and every other
   * result page says noindex itself, which a crawler can only read if it may fetch the page.
   */
  public static final String DEFAULT_DISALLOW = "/admin/,/api/";

  public DistributionSettings {
    if (feedItems < 1 || feedItems > MAX_FEED_ITEMS) {
      throw new ConfigException(
          "feeds.items", "must be from 1 to " + MAX_FEED_ITEMS + ", not " + feedItems);
    }
    if (urlsPerSitemap < 1 || urlsPerSitemap > Sitemaps.MAX_URLS) {
      throw new ConfigException(
          "sitemaps.urls.per.file",
          "must be from 1 to " + Sitemaps.MAX_URLS + ", not " + urlsPerSitemap);
    }
    for (var path : disallow) {
      if (!path.startsWith("/") || path.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
        throw new ConfigException(
            "robots.disallow", "paths must start with / and hold no spaces: \"" + path + "\"");
      }
    }
    disallow = List.copyOf(disallow);
  }

  public static DistributionSettings from(Config config) {
    var disallow = Arrays.stream(
            config.setting("robots.disallow", DEFAULT_DISALLOW).split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
    return new DistributionSettings(
        config.boolSetting("feeds.fulltext", true),
        config.intSetting("feeds.items", DEFAULT_FEED_ITEMS),
        config.intSetting("sitemaps.urls.per.file", Sitemaps.MAX_URLS),
        config.setting("news.publication.name", config.siteName()),
        config.boolSetting("robots.index", true),
        disallow);
  }
}
