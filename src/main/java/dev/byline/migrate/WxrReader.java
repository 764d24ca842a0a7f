package dev.byline.migrate;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams a WordPress eXtended RSS file (WXR 1.0 to 1.2) with StAX: the site's header once, then
 * one item at a time, so an export of any size is read in the memory of one item. DOCTYPEs are
 * refused (no entity can expand or reach out); an error names the line and column.
 *
 * <pre>{@code
 * WxrReader.read(reader, "site.xml", new WxrReader.Handler() { ... });
 * }</pre>
 */
final class WxrReader {
  /** WordPress's namespaces for WXR 1.0, 1.1 and 1.2 all start with this. */
  static final String WP_NAMESPACE = "http://wordpress.org/export/";

  static final String CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/";
  static final String DC_NAMESPACE = "http://purl.org/dc/elements/1.1/";

  /** Receives the header once (before the first item), then each item. */
  interface Handler {
    void site(WxrSite site) throws ExportException;

    void item(WxrItem item) throws ExportException;
  }

  private final XMLStreamReader xml;
  private final Handler handler;
  private final SiteBuilder site = new SiteBuilder();
  private boolean siteSent;

  private WxrReader(XMLStreamReader xml, Handler handler) {
    this.xml = xml;
    this.handler = handler;
  }

  static void read(Reader in, Handler handler) throws ExportException, IOException {
    XMLStreamReader xml;
    try {
      xml = factory().createXMLStreamReader(in);
    } catch (XMLStreamException e) {
      throw error(e);
    }
    try {
      new WxrReader(xml, handler).document();
    } catch (XMLStreamException e) {
      if (e.getNestedException() instanceof IOException io) throw io;
      throw error(e);
    } finally {
      try {
        xml.close();
      } catch (XMLStreamException ignored) {
        // the reader is abandoned either way
      }
    }
  }

  private static XMLInputFactory factory() {
    var f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  private void document() throws XMLStreamException, ExportException {
    while (xml.hasNext()) {
      int e = xml.next();
      if (e == XMLStreamConstants.DTD)
        throw new ExportException(
            where(),
            "has a DOCTYPE declaration, which a WordPress export never has and Byline refuses");
      if (e != XMLStreamConstants.START_ELEMENT) continue;
      if (!xml.getLocalName().equals("rss"))
        throw new ExportException(
            where(),
            "is not a WordPress export: its root is <" + xml.getLocalName() + ">, not <rss>");
      rss();
      return;
    }
    throw new ExportException("", "is empty: it holds no <rss> element");
  }

  private void rss() throws XMLStreamException, ExportException {
    while (next()) {
      if (xml.getLocalName().equals("channel")) channel();
      else skip();
    }
    finishDocument();
  }

  /** Everything after the root must be white space; a cut-short file fails here or before. */
  private void finishDocument() throws XMLStreamException {
    while (xml.hasNext()) xml.next();
  }

  private void channel() throws XMLStreamException, ExportException {
    while (next()) {
      var ns = ns();
      var name = xml.getLocalName();
      if (name.equals("item") && ns.isEmpty()) {
        sendSite();
        handler.item(item());
      } else if (ns.equals("wp")) {
        header(name);
      } else if (ns.isEmpty() && name.equals("title")) {
        site.title = xml.getElementText().strip();
      } else if (ns.isEmpty() && name.equals("link")) {
        site.link = xml.getElementText().strip();
      } else {
        skip();
      }
    }
    sendSite();
  }

  private void header(String name) throws XMLStreamException {
    switch (name) {
      case "wxr_version" -> site.version = xml.getElementText().strip();
      case "base_blog_url" -> site.baseBlogUrl = xml.getElementText().strip();
      case "base_site_url" -> site.baseSiteUrl = xml.getElementText().strip();
      case "author" -> site.authors.add(WxrFields.author(fields()));
      case "category" -> site.categories.add(WxrFields.category(fields()));
      case "tag" -> site.tags.add(WxrFields.tag(fields()));
      case "term" -> site.otherTerms.add(WxrFields.term(fields()));
      default -> skip();
    }
  }

  private void sendSite() throws ExportException {
    if (siteSent) return;
    siteSent = true;
    handler.site(site.build());
  }

  private WxrItem item() throws XMLStreamException, ExportException {
    var b = new WxrFields.ItemBuilder(xml.getLocation().getLineNumber());
    while (next()) {
      var ns = ns();
      var name = xml.getLocalName();
      if (ns.isEmpty() && name.equals("category")) {
        var domain = attr("domain");
        var slug = attr("nicename");
        b.terms.add(new WxrItem.Term(domain, slug, xml.getElementText().strip()));
      } else if (ns.equals("wp") && name.equals("postmeta")) {
        var f = fields();
        b.meta.add(
            new WxrItem.Meta(f.getOrDefault("meta_key", ""), f.getOrDefault("meta_value", "")));
      } else if (ns.equals("wp") && name.equals("comment")) {
        b.comments.add(WxrFields.comment(fields()));
      } else if (ns.isEmpty()
          || ns.equals("wp")
          || ns.equals("content")
          || ns.equals("excerpt")
          || ns.equals("dc")) {
        b.set(ns, name, xml.getElementText());
      } else {
        skip();
      }
    }
    return b.build();
  }

  /** The text children of an element (a wp:author, wp:comment ...) by local name; nested lists skipped. */
  private java.util.Map<String, String> fields() throws XMLStreamException {
    var out = new java.util.HashMap<String, String>();
    while (next()) {
      var name = xml.getLocalName();
      if (name.equals("commentmeta") || name.equals("termmeta")) skip();
      else out.put(name, xml.getElementText());
    }
    return out;
  }

  /** Moves to the next child start element; false at the parent's end. */
  private boolean next() throws XMLStreamException {
    while (xml.hasNext()) {
      int e = xml.next();
      if (e == XMLStreamConstants.START_ELEMENT) return true;
      if (e == XMLStreamConstants.END_ELEMENT) return false;
    }
    return false;
  }

  private void skip() throws XMLStreamException {
    int depth = 1;
    while (depth > 0 && xml.hasNext()) {
      int e = xml.next();
      if (e == XMLStreamConstants.START_ELEMENT) depth++;
      else if (e == XMLStreamConstants.END_ELEMENT) depth--;
    }
  }

  private String ns() {
    var uri = xml.getNamespaceURI();
    if (uri == null || uri.isEmpty()) return "";
    if (uri.startsWith(WP_NAMESPACE)) return uri.endsWith("/excerpt/") ? "excerpt" : "wp";
    if (uri.equals(CONTENT_NAMESPACE)) return "content";
    if (uri.equals(DC_NAMESPACE)) return "dc";
    return "other";
  }

  private String attr(String name) {
    var v = xml.getAttributeValue(null, name);
    return v == null ? "" : v.strip();
  }

  private String where() {
    var l = xml.getLocation();
    return l == null ? "" : "line " + l.getLineNumber() + ", column " + l.getColumnNumber();
  }

  static ExportException error(XMLStreamException e) {
    var l = e.getLocation();
    var where = l == null || l.getLineNumber() < 0
        ? ""
        : "line " + l.getLineNumber() + ", column " + l.getColumnNumber();
    var m = e.getMessage() == null ? "malformed XML" : e.getMessage();
    int cut = m.indexOf("\nMessage: ");
    if (cut >= 0) m = m.substring(cut + "\nMessage: ".length());
    m = m.strip();
    if (m.contains("must start and end within the same entity") || m.contains("end of file"))
      return new ExportException(
          where, "the export is cut short (the file ends inside an element)");
    return new ExportException(where, "is not well-formed XML: " + m);
  }

  /** The channel's header, filled in as it is read. */
  private static final class SiteBuilder {
    String title = "";
    String link = "";
    String version = "";
    String baseBlogUrl = "";
    String baseSiteUrl = "";
    final List<WxrSite.WpAuthor> authors = new ArrayList<>();
    final List<WxrSite.WpTerm> categories = new ArrayList<>();
    final List<WxrSite.WpTerm> tags = new ArrayList<>();
    final List<WxrSite.WpTerm> otherTerms = new ArrayList<>();

    WxrSite build() {
      var base = !baseBlogUrl.isEmpty() ? baseBlogUrl : !baseSiteUrl.isEmpty() ? baseSiteUrl : link;
      return new WxrSite(title, base, version, authors, categories, tags, otherTerms);
    }
  }
}
