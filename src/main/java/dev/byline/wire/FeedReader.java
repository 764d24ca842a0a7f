package dev.byline.wire;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import dev.byline.content.Html;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Document;

/**
 * RSS (0.9x, 1.0, 2.0) and Atom through Rome, from a DOM that {@link SafeXml} already parsed.
 * Each entry with a title or text becomes an item; its guid is the entry's id, else its link.
 * Feeds have no versions, so an entry's version is its updated (or published) time in seconds:
 * an edited entry supersedes, an unchanged one is ignored.
 */
final class FeedReader {
  private FeedReader() {}

  static List<WireItem> read(Document doc, ReadContext ctx) {
    SyndFeed feed;
    try {
      var input = new SyndFeedInput();
      input.setPreserveWireFeed(false);
      feed = input.build(doc);
    } catch (FeedException | IllegalArgumentException e) {
      throw new WireFormatException("", "is not a feed Byline can read: " + message(e));
    } catch (RuntimeException e) {
      throw new WireFormatException("", "is a broken feed: " + message(e));
    }
    var format = formatName(feed.getFeedType());
    var languages = entryLanguages(doc, feed.getEntries().size());
    var out = new ArrayList<WireItem>();
    int i = 0;
    for (var entry : feed.getEntries()) {
      i++;
      var item = entry(entry, feed, format, ctx, i, languages.get(i - 1));
      if (item != null) out.add(item);
    }
    return out;
  }

  /**
   * Each entry's {@code xml:lang}, its own or the nearest around it (an Atom feed's), in document
   * order, which is Rome's; empty where none is given or when the counts do not match.
   */
  private static List<String> entryLanguages(Document doc, int entries) {
    var found = new ArrayList<String>();
    for (var name : List.of("entry", "item")) {
      var nodes = doc.getElementsByTagNameNS("*", name);
      if (nodes.getLength() == 0) nodes = doc.getElementsByTagName(name);
      for (int n = 0; n < nodes.getLength(); n++) found.add(xmlLang(nodes.item(n)));
      if (!found.isEmpty()) break;
    }
    if (found.size() != entries) return java.util.Collections.nCopies(entries, "");
    return found;
  }

  private static String xmlLang(org.w3c.dom.Node node) {
    for (var n = node; n instanceof org.w3c.dom.Element el; n = n.getParentNode()) {
      var lang = el.getAttributeNS(javax.xml.XMLConstants.XML_NS_URI, "lang");
      if (lang.isEmpty()) lang = el.getAttribute("xml:lang");
      if (!lang.isEmpty()) return lang;
    }
    return "";
  }

  private static WireItem entry(
      SyndEntry e, SyndFeed feed, String format, ReadContext ctx, int index, String language) {
    var d = new ItemDraft();
    d.format = format;
    d.headline = Html.toText(Html.inline(nz(e.getTitle())));
    var description = e.getDescription() == null ? "" : nz(e.getDescription().getValue());
    var content = "";
    for (SyndContent c : e.getContents()) {
      if (content.isEmpty() && c.getValue() != null && !c.getValue().isBlank())
        content = c.getValue();
    }
    var bodySource = content.isEmpty() ? description : content;
    if (d.headline.isEmpty() && bodySource.isBlank())
      return null; // an entry with nothing to read is not a story
    var body = BodyBlocks.looksLikeHtml(bodySource) || bodySource.contains("&")
        ? BodyBlocks.fromHtml(bodySource, d.headline)
        : BodyBlocks.fromText(bodySource, d.headline);
    d.body = new ArrayList<>(body.blocks());
    if (!content.isEmpty() && !description.isBlank())
      d.standfirst = ItemDraft.firstWords(Html.toText(Html.inline(description)), 600);
    d.guid = nz(e.getUri());
    if (d.guid.isBlank()) d.guid = nz(e.getLink());
    var updated = e.getUpdatedDate() != null ? e.getUpdatedDate() : e.getPublishedDate();
    d.versionCreated = updated == null ? null : updated.toInstant();
    d.firstCreated = date(e.getPublishedDate());
    d.version = updated == null ? 1 : Math.max(1, updated.getTime() / 1000);
    for (var a : e.getAuthors())
      if (a.getName() != null && !a.getName().isBlank())
        d.bylines.add(a.getName().strip());
    if (d.bylines.isEmpty() && e.getAuthor() != null && !e.getAuthor().isBlank())
      d.bylines.add(e.getAuthor().strip());
    for (var c : e.getCategories()) {
      if (c.getName() == null || c.getName().isBlank()) continue;
      d.subjects.add(Subject.of(
          c.getTaxonomyUri() == null
              ? ""
              : c.getTaxonomyUri() + ":" + c.getName().strip(),
          c.getName()));
    }
    for (var enc : e.getEnclosures()) {
      var type = nz(enc.getType()).toLowerCase(Locale.ROOT);
      if (type.startsWith("image/") && enc.getUrl() != null) {
        d.pictures.add(new Picture(
            enc.getUrl(),
            "",
            "",
            "",
            List.of(new Rendition("enclosure", enc.getUrl(), "", type, 0, 0))));
      }
    }
    d.pictures.addAll(body.pictures());
    // The entry's (or the Atom feed's) xml:lang, else the channel's <language> or dc:language.
    d.language = language.isEmpty() ? nz(feed.getLanguage()) : language;
    d.copyright = nz(feed.getCopyright());
    d.provider = Html.toText(Html.inline(nz(feed.getTitle())));
    try {
      return d.build(ctx);
    } catch (WireFormatException ex) {
      throw new WireFormatException(
          "entry " + index + (ex.where().isEmpty() ? "" : "/" + ex.where()), ex.reason());
    }
  }

  private static String formatName(String feedType) {
    var t = nz(feedType).toLowerCase(Locale.ROOT);
    if (t.startsWith("atom")) return "Atom";
    if (t.startsWith("rss_2")) return "RSS 2.0";
    if (t.startsWith("rss_1")) return "RSS 1.0";
    return "RSS";
  }

  private static java.time.Instant date(Date d) {
    return d == null ? null : d.toInstant();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String message(Exception e) {
    var m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : WireFormatException.withoutQuotes(m);
  }
}
