package dev.byline.distribution;

import java.io.OutputStream;
import java.time.Instant;

/**
 * Streams one {@code <urlset>} (sitemaps.org 0.9, with the Google image and news extensions)
 * or one {@code <sitemapindex>}. Holds nothing but the writer, so a file of 50,000 URLs costs
 * no more memory than a file of one.
 */
final class UrlsetWriter implements AutoCloseable {
  static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
  static final String IMAGE = "http://www.google.com/schemas/sitemap-image/1.1";
  static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

  private final XmlOut x;
  private int count;

  private UrlsetWriter(XmlOut x) {
    this.x = x;
  }

  static UrlsetWriter urlset(OutputStream out, boolean news) {
    var x = XmlOut.open(out);
    x.root("urlset", NS).namespace("image", IMAGE);
    if (news) x.namespace("news", NEWS);
    x.newline();
    return new UrlsetWriter(x);
  }

  static UrlsetWriter index(OutputStream out) {
    var x = XmlOut.open(out);
    x.root("sitemapindex", NS).newline();
    return new UrlsetWriter(x);
  }

  /** A page; {@code lastmod} and {@code image} may be null. */
  void url(String loc, Instant lastmod, String image) {
    x.start("url").element("loc", loc);
    if (lastmod != null) x.date("lastmod", lastmod);
    if (image != null)
      x.start("image", "image", IMAGE).element("image", "loc", IMAGE, image).end();
    x.end().newline();
    count++;
  }

  /** A story in a news sitemap. {@code language} is an ISO 639 code as Google News wants it. */
  void news(
      String loc,
      String publication,
      String language,
      Instant published,
      String title,
      String image) {
    x.start("url").element("loc", loc);
    x.start("news", "news", NEWS);
    x.start("news", "publication", NEWS)
        .element("news", "name", NEWS, publication)
        .element("news", "language", NEWS, language)
        .end();
    x.element("news", "publication_date", NEWS, FeedDates.rfc3339(published));
    x.element("news", "title", NEWS, title);
    x.end();
    if (image != null)
      x.start("image", "image", IMAGE).element("image", "loc", IMAGE, image).end();
    x.end().newline();
    count++;
  }

  /** An entry of a sitemap index. */
  void sitemap(String loc, Instant lastmod) {
    x.start("sitemap").element("loc", loc);
    if (lastmod != null) x.date("lastmod", lastmod);
    x.end().newline();
    count++;
  }

  int count() {
    return count;
  }

  @Override
  public void close() {
    x.end();
    x.close();
  }
}
