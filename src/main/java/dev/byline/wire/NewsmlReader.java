package dev.byline.wire;

import static dev.byline.wire.Elements.attr;
import static dev.byline.wire.Elements.child;
import static dev.byline.wire.Elements.children;
import static dev.byline.wire.Elements.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * NewsML-G2: news messages, news items (text with inline XHTML or NITF; pictures with
 * renditions) and package items that group a story with its photos. Concept, planning and event
 * items are not stories and say so.
 */
final class NewsmlReader {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NewsmlReader.class);

  private NewsmlReader() {}

  static List<WireItem> read(Element root, ReadContext ctx) {
    var name = Elements.name(root);
    if (name.equals("newsMessage")) {
      var items = new ArrayList<WireItem>();
      var set = child(root, "itemSet");
      var members = children(set);
      if (members.isEmpty()) throw new NotAStory("newsMessage/itemSet", "holds no items");
      int i = 0;
      NotAStory first = null;
      for (var item : members) {
        i++;
        try {
          items.add(item(item, ctx));
        } catch (NotAStory e) {
          // A video with no words, an event, a planning item: not a story, but no reason to
          // refuse the stories beside it. Refused only when nothing in the message is one.
          if (first == null) first = new NotAStory(where(item, i, e), e.reason());
          log.info(
              "event=wire_item_skipped file=\"{}\" where=\"{}\" reason=\"{}\"",
              ctx.fileName(),
              where(item, i, e),
              e.reason());
        } catch (WireFormatException e) {
          throw new WireFormatException(where(item, i, e), e.reason());
        }
      }
      if (items.isEmpty()) throw first;
      return items;
    }
    return List.of(item(root, ctx));
  }

  private static String where(Element item, int i, WireFormatException e) {
    return "itemSet item " + i
        + (attr(item, "guid").isEmpty() ? "" : " (" + attr(item, "guid") + ")")
        + (e.where().isEmpty() ? "" : ", " + e.where());
  }

  private static WireItem item(Element item, ReadContext ctx) {
    var name = Elements.name(item);
    switch (name) {
      case "newsItem", "packageItem" -> {}
      case "conceptItem", "knowledgeItem" ->
        throw new NotAStory(name, "is a concept (controlled vocabulary), not a story");
      case "planningItem" ->
        throw new NotAStory(name, "is a planning item (coverage to come), not a story");
      case "catalog" -> throw new NotAStory(name, "is a NewsML-G2 catalog, not a story");
      default -> throw new WireFormatException(name, "is not a NewsML-G2 item");
    }
    var d = new ItemDraft();
    d.format = "NewsML-G2";
    d.guid = attr(item, "guid");
    if (d.guid.isEmpty()) throw new WireFormatException(name + "/@guid", "is missing");
    var version = attr(item, "version");
    if (!version.isEmpty()) {
      if (!version.matches("\\d{1,18}"))
        throw new WireFormatException(name + "/@version", "is not a whole number");
      d.version = Long.parseLong(version);
    }
    d.language = attr(item, "xml:lang");
    rights(child(item, "rightsInfo"), d);
    var meta = child(item, "itemMeta");
    if (meta == null) throw new WireFormatException(name + "/itemMeta", "is missing");
    itemMeta(meta, d, ctx);
    var asserts = assertedNames(item);
    contentMeta(child(item, "contentMeta"), d, asserts);
    if (name.equals("packageItem") || d.kind == ItemKind.PACKAGE) {
      d.kind = ItemKind.PACKAGE;
      groups(child(item, "groupSet"), d);
    } else {
      contentSet(child(item, "contentSet"), d, ctx);
    }
    if (d.headline.isEmpty() && d.title.isEmpty() && d.body.isEmpty()) {
      throw new NotAStory(
          name + "/contentMeta/headline", "is missing and there is no content: nothing to publish");
    }
    return d.build(ctx);
  }

  private static void rights(Element rights, ItemDraft d) {
    if (rights == null) return;
    var holder = child(rights, "copyrightHolder");
    var notice = pickLanguage(children(rights, "copyrightNotice"), d.language);
    d.copyright = !notice.isEmpty()
        ? notice
        : holder == null ? "" : NitfReader.copyrightOf(nameOf(holder), "");
    d.usageTerms = pickLanguage(children(rights, "usageTerms"), d.language);
  }

  private static void itemMeta(Element meta, ItemDraft d, ReadContext ctx) {
    var itemClass = attr(child(meta, "itemClass"), "qcode").toLowerCase(Locale.ROOT);
    d.kind = kindOf(itemClass);
    d.provider = nameOf(child(meta, "provider"));
    d.versionCreated = date(meta, "versionCreated", ctx);
    d.firstCreated = date(meta, "firstCreated", ctx);
    d.embargo = date(meta, "embargoed", ctx);
    var status = attr(child(meta, "pubStatus"), "qcode");
    if (!status.isEmpty()) {
      d.pubStatus = PubStatus.parse(status);
      if (d.pubStatus == null)
        throw new WireFormatException("itemMeta/pubStatus", "is not usable, withheld or canceled");
    }
    for (var note : children(meta, "edNote")) {
      if (attr(note, "pubconstraint").contains("nonpublic") || !children(note).isEmpty()) continue;
      if (d.edNote.isEmpty()) d.edNote = text(note);
    }
    d.title = text(meta, "title");
  }

  private static ItemKind kindOf(String itemClass) {
    var c = itemClass.substring(itemClass.indexOf(':') + 1);
    return switch (c) {
      case "", "text" -> ItemKind.TEXT;
      case "picture" -> ItemKind.PICTURE;
      case "graphic" -> ItemKind.GRAPHIC;
      case "video" -> ItemKind.VIDEO;
      case "audio" -> ItemKind.AUDIO;
      case "composite" -> ItemKind.PACKAGE;
      case "event" -> throw new NotAStory("itemMeta/itemClass", "is an event, not a story");
      case "planning" ->
        throw new NotAStory("itemMeta/itemClass", "is a planning item, not a story");
      default ->
        throw new WireFormatException(
            "itemMeta/itemClass",
            "is not an item class Byline reads (text, picture, graphic, video, audio, composite)");
    };
  }

  private static void contentMeta(Element cm, ItemDraft d, Map<String, String> asserts) {
    if (cm == null) return;
    var urgency = text(cm, "urgency");
    if (urgency.matches("[1-9]")) d.urgency = Integer.parseInt(urgency);
    var located = child(cm, "located");
    if (located != null)
      d.located = nameOf(located).isEmpty()
          ? asserts.getOrDefault(attr(located, "qcode"), "")
          : nameOf(located);
    for (var by : children(cm, "by")) {
      var b = ItemDraft.cleanByline(text(by));
      if (!b.isEmpty()) d.bylines.add(b);
    }
    var creditline = text(cm, "creditline");
    d.creditLine = creditline.replaceAll("[\\s–-]+$", "");
    if (d.bylines.isEmpty()) {
      for (var creator : children(cm, "creator")) {
        var n = nameOf(creator);
        if (n.isEmpty()
            || n.equalsIgnoreCase(d.provider)
            || n.equalsIgnoreCase(d.creditLine)
            || n.matches("[a-z]+\\.[a-z]+")
            || attr(creator, "literal").equals(n) && n.length() <= 12 && !n.contains(" ")) {
          continue; // an agency or a login, not a byline
        }
        d.bylines.add(n);
      }
    }
    if (d.provider.isEmpty()) {
      for (var source : children(cm, "infoSource"))
        if (d.provider.isEmpty()) d.provider = nameOf(source);
    }
    for (var s : children(cm, "subject")) {
      var code = attr(s, "qcode");
      var name = nameOf(s);
      if (name.isEmpty()) name = asserts.getOrDefault(code, "");
      if (code.isEmpty() && name.isEmpty()) continue;
      d.subjects.add(new Subject(code, name, typeOf(attr(s, "type"))));
    }
    for (var h : children(cm, "headline")) {
      var role = attr(h, "role").toLowerCase(Locale.ROOT);
      if (role.contains("sub")) d.standfirst = text(h);
      else if (d.headline.isEmpty()) d.headline = text(h);
    }
    d.slugline = text(cm, "slugline");
    var dateline = text(cm, "dateline");
    // Reuters' pictures put a machine time in <dateline>; that is not a dateline a reader needs.
    if (!dateline.matches("\\d{4}-\\d\\d-\\d\\d.*"))
      d.dateline = dateline.replaceAll("[\\s–-]+$", "");
    for (var desc : children(cm, "description")) {
      var role = attr(desc, "role").toLowerCase(Locale.ROOT);
      var t = text(desc);
      if (role.contains("caption")) d.caption = t;
      else if (role.contains("summary") || role.isEmpty()) {
        if (d.standfirst.isEmpty()) d.standfirst = t;
      }
    }
    var language = attr(child(cm, "language"), "tag");
    if (!language.isEmpty()) d.language = language;
  }

  private static Subject.Type typeOf(String type) {
    var t = type.toLowerCase(Locale.ROOT);
    if (t.contains("person")) return Subject.Type.PERSON;
    if (t.contains("organisation") || t.contains("organization")) return Subject.Type.ORGANISATION;
    if (t.contains("geoarea") || t.contains("poi") || t.contains("cpttype:5"))
      return Subject.Type.PLACE;
    if (t.contains("event")) return Subject.Type.EVENT;
    if (t.contains("object")) return Subject.Type.OBJECT;
    return Subject.Type.SUBJECT;
  }

  private static void contentSet(Element set, ItemDraft d, ReadContext ctx) {
    var renditions = new ArrayList<Rendition>();
    for (var c : children(set)) {
      var n = Elements.name(c);
      var type = attr(c, "contenttype").toLowerCase(Locale.ROOT);
      if (n.equals("inlineXML")) {
        var nitf = first(c, "nitf");
        if (nitf != null) {
          NitfReader.readBody(nitf, d);
        } else if (d.body.isEmpty()) {
          var html = first(c, "html");
          var body = BodyBlocks.fromElement(html != null ? html : c, d.headline);
          d.body = new ArrayList<>(body.blocks());
          d.pictures.addAll(body.pictures());
        }
      } else if (n.equals("inlineData") && d.body.isEmpty()) {
        var text = c.getTextContent();
        var body = type.contains("html")
            ? BodyBlocks.fromHtml(text, d.headline)
            : BodyBlocks.fromText(text, d.headline);
        d.body = new ArrayList<>(body.blocks());
      } else if (n.equals("remoteContent")) {
        var href = attr(c, "href");
        renditions.add(new Rendition(
            rendition(c),
            href,
            attr(c, "residref"),
            type,
            number(attr(c, "width")),
            number(attr(c, "height"))));
      }
    }
    if (d.kind == ItemKind.PICTURE || d.kind == ItemKind.GRAPHIC) {
      var credit = d.creditLine;
      var photographer = d.bylines.isEmpty() ? "" : d.bylines.get(0);
      d.pictures.add(
          0,
          new Picture(
              d.guid,
              d.caption.isEmpty() ? d.headline : d.caption,
              credit,
              photographer,
              renditions));
      if (d.body.isEmpty() && !d.caption.isEmpty())
        d.body.add(dev.byline.content.Block.Paragraph.ofText(d.caption));
    } else if (!renditions.isEmpty()
        && renditions.stream().anyMatch(r -> r.contentType().startsWith("image/"))) {
      d.pictures.add(new Picture(
          "",
          d.caption,
          "",
          "",
          renditions.stream().filter(r -> r.contentType().startsWith("image/")).toList()));
    }
  }

  private static void groups(Element groupSet, ItemDraft d) {
    for (var group : children(groupSet, "group")) {
      var role = attr(group, "role").toLowerCase(Locale.ROOT);
      var memberRole = role.contains("main") ? "main" : role.substring(role.indexOf(':') + 1);
      for (var ref : children(group, "itemRef")) {
        var guid = attr(ref, "residref");
        if (guid.isEmpty()) continue;
        var cls = attr(child(ref, "itemClass"), "qcode").toLowerCase(Locale.ROOT);
        ItemKind kind;
        try {
          kind = kindOf(cls);
        } catch (WireFormatException e) {
          kind = ItemKind.TEXT;
        }
        var headline = text(ref, "headline");
        if (headline.isEmpty()) headline = text(ref, "title");
        var description = text(ref, "description");
        d.members.add(new PackageMember(guid, kind, memberRole, headline));
        if (kind == ItemKind.PICTURE && memberRole.equals("main")) {
          d.pictures.add(
              new Picture(guid, description.isEmpty() ? headline : description, "", "", List.of()));
        } else if (kind == ItemKind.TEXT && memberRole.equals("main") && d.standfirst.isEmpty()) {
          d.standfirst = description;
        }
      }
    }
    if (d.members.isEmpty()) throw new NotAStory("packageItem/groupSet", "refers to no items");
  }

  private static String rendition(Element c) {
    var r = attr(c, "rendition");
    if (r.isEmpty()) {
      var uri = attr(c, "renditionuri");
      r = uri.substring(uri.lastIndexOf('/') + 1);
    }
    return r.substring(r.indexOf(':') + 1);
  }

  /** Names asserted elsewhere in the item, by qcode: AP puts subject names in {@code <assert>}. */
  private static Map<String, String> assertedNames(Element item) {
    var out = new HashMap<String, String>();
    for (var a : children(item, "assert")) {
      var code = attr(a, "qcode");
      var name = text(a, "name");
      if (!code.isEmpty() && !name.isEmpty()) out.put(code, name);
    }
    return out;
  }

  private static Element first(Element e, String localName) {
    var found = Elements.descendants(e, localName);
    return found.isEmpty() ? null : found.get(0);
  }

  /** A concept's name: its {@code <name>} (English first), else its literal, else its qcode's code. */
  static String nameOf(Element concept) {
    if (concept == null) return "";
    var names = children(concept, "name");
    if (!names.isEmpty()) {
      for (var n : names) {
        var lang = attr(n, "xml:lang");
        if (lang.isEmpty() || lang.startsWith("en")) return text(n);
      }
      return text(names.get(0));
    }
    var literal = attr(concept, "literal");
    if (!literal.isEmpty()) return literal;
    return "";
  }

  private static String pickLanguage(List<Element> options, String language) {
    if (options.isEmpty()) return "";
    var lang = language.isEmpty() ? "en" : language.substring(0, Math.min(2, language.length()));
    for (var o : options) if (attr(o, "xml:lang").startsWith(lang)) return text(o);
    for (var o : options) if (attr(o, "xml:lang").startsWith("en")) return text(o);
    return text(options.get(0));
  }

  private static java.time.Instant date(Element meta, String name, ReadContext ctx) {
    var raw = text(meta, name);
    if (raw.isEmpty()) return null;
    var parsed = WireDates.parse(raw, ctx.zone());
    if (parsed == null) throw new WireFormatException("itemMeta/" + name, "is not a date and time");
    return parsed;
  }

  private static int number(String s) {
    return s.matches("\\d{1,6}") ? Integer.parseInt(s) : 0;
  }
}
