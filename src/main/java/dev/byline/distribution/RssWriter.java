package dev.byline.distribution;

import java.io.OutputStream;

/**
 * RSS 2.0 with the extensions aggregators read: {@code atom:link rel=self}, {@code dc:creator}
 * for bylines, {@code content:encoded} for the full text, {@code media:content} for the lead
 * image, and {@code atom:updated} for a story's update time (RSS has no element of its own
 * for it; {@code pubDate} keeps the first publication). Each RSS element appears once, with no
 * extension element that repeats its meaning.
 */
final class RssWriter {
  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String DC = "http://purl.org/dc/elements/1.1/";
  static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
  static final String MEDIA = "http://search.yahoo.com/mrss/";

  private RssWriter() {}

  static void write(FeedChannel c, OutputStream out) {
    try (var x = XmlOut.open(out)) {
      x.root("rss")
          .attr("version", "2.0")
          .namespace("atom", ATOM)
          .namespace("dc", DC)
          .namespace("content", CONTENT)
          .namespace("media", MEDIA);
      x.newline().start("channel").newline();
      x.element("title", c.title()).newline();
      x.element("link", c.homeUrl()).newline();
      x.element("description", c.description()).newline();
      x.optional("language", c.language()).newline();
      x.element("lastBuildDate", FeedDates.rfc822(c.updated())).newline();
      x.element("generator", "Byline").newline();
      x.empty("atom", "link", ATOM)
          .attr("href", c.url(FeedFormat.RSS))
          .attr("rel", "self")
          .attr("type", FeedFormat.RSS.mediaType())
          .newline();
      for (var item : c.items()) item(x, item);
      x.end().newline().end();
    }
  }

  private static void item(XmlOut x, FeedItem i) {
    x.start("item").newline();
    x.element("title", i.title()).newline();
    x.element("link", i.url()).newline();
    x.start("guid").attr("isPermaLink", "false").text(i.id()).end().newline();
    x.element("pubDate", FeedDates.rfc822(i.published())).newline();
    if (i.isUpdated())
      x.element("atom", "updated", ATOM, FeedDates.rfc3339(i.updated())).newline();
    for (var a : i.authors()) x.element("dc", "creator", DC, a.name()).newline();
    for (var cat : i.categories()) x.element("category", cat).newline();
    x.optional("description", i.summary()).newline();
    if (!i.contentHtml().isEmpty())
      x.element("content", "encoded", CONTENT, i.contentHtml()).newline();
    if (i.image() != null) media(x, i.image());
    x.end().newline();
  }

  static void media(XmlOut x, FeedItem.MediaImage m) {
    x.start("media", "content", MEDIA)
        .attr("url", m.url())
        .attr("type", m.mime())
        .attr("medium", "image")
        .attr("width", m.width())
        .attr("height", m.height());
    if (!m.caption().isEmpty())
      x.start("media", "description", MEDIA)
          .attr("type", "plain")
          .text(m.caption())
          .end();
    x.optional("media", "credit", MEDIA, m.credit());
    x.end().newline();
  }
}
