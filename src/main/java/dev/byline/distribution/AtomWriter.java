package dev.byline.distribution;

import java.io.OutputStream;

/**
 * Atom 1.0 (RFC 4287). Entry ids are the items' permanent {@code tag:} URIs; the feed's id is
 * its own URL. Text is {@code type="text"}; the full story is {@code type="html"}, escaped by
 * the XML writer. Every entry carries its authors, so the feed needs no author of its own;
 * entries without a byline get the publication as author.
 */
final class AtomWriter {
  static final String NS = "http://www.w3.org/2005/Atom";

  private AtomWriter() {}

  static void write(FeedChannel c, OutputStream out) {
    try (var x = XmlOut.open(out)) {
      x.root("feed", NS).namespace("media", RssWriter.MEDIA);
      if (!c.language().isEmpty()) x.xmlLang(c.language());
      x.newline();
      x.element("id", c.url(FeedFormat.ATOM)).newline();
      x.start("title").attr("type", "text").text(c.title()).end().newline();
      x.start("subtitle").attr("type", "text").text(c.description()).end().newline();
      x.empty("link")
          .attr("rel", "alternate")
          .attr("type", "text/html")
          .attr("href", c.homeUrl())
          .newline();
      x.empty("link")
          .attr("rel", "self")
          .attr("type", FeedFormat.ATOM.mediaType())
          .attr("href", c.url(FeedFormat.ATOM))
          .newline();
      x.date("updated", c.updated()).newline();
      x.element("generator", "Byline").newline();
      x.optional("icon", c.iconUrl()).newline();
      x.optional("logo", c.logoUrl()).newline();
      for (var item : c.items()) entry(x, c, item);
      x.end();
    }
  }

  private static void entry(XmlOut x, FeedChannel c, FeedItem i) {
    x.start("entry");
    // A story in a language of its own says so; the rest inherit the feed's xml:lang.
    if (i.language() != null && !i.language().equalsIgnoreCase(c.language()))
      x.xmlLang(i.language());
    x.newline();
    x.element("id", i.id()).newline();
    x.start("title").attr("type", "text").text(i.title()).end().newline();
    x.empty("link")
        .attr("rel", "alternate")
        .attr("type", "text/html")
        .attr("href", i.url())
        .newline();
    x.date("published", i.published()).newline();
    x.date("updated", i.lastModified()).newline();
    if (i.authors().isEmpty()) {
      x.start("author")
          .element("name", c.publisher())
          .element("uri", homeOf(c))
          .end()
          .newline();
    }
    for (var a : i.authors()) {
      x.start("author").element("name", a.name());
      if (!a.url().isEmpty()) x.element("uri", a.url());
      x.end().newline();
    }
    for (var cat : i.categories()) x.empty("category").attr("term", cat).newline();
    if (!i.summary().isEmpty())
      x.start("summary").attr("type", "text").text(i.summary()).end().newline();
    if (!i.contentHtml().isEmpty())
      x.start("content").attr("type", "html").text(i.contentHtml()).end().newline();
    if (i.image() != null) RssWriter.media(x, i.image());
    x.end().newline();
  }

  private static String homeOf(FeedChannel c) {
    var u = java.net.URI.create(c.homeUrl());
    return u.getScheme() + "://" + u.getRawAuthority() + "/";
  }
}
