package dev.byline.distribution;

/**
 * {@code robots.txt}: which paths crawlers may fetch, and where the sitemaps are. A site that
 * is not to be indexed (staging) closes everything but still names no sitemap.
 */
public final class Robots {
  private Robots() {}

  public static String text(String baseUrl, DistributionSettings settings) {
    var b = new StringBuilder("User-agent: *\n");
    if (!settings.indexable()) return b.append("Disallow: /\n").toString();
    settings.disallow().forEach(p -> b.append("Disallow: ").append(p).append('\n'));
    if (settings.disallow().isEmpty()) b.append("Disallow:\n");
    b.append('\n');
    b.append("Sitemap: ").append(baseUrl).append("/sitemap.xml\n");
    b.append("Sitemap: ").append(baseUrl).append("/sitemaps/news.xml\n");
    return b.toString();
  }
}
