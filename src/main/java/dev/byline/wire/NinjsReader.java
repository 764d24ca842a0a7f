package dev.byline.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * IPTC ninjs 1.x, 2.x and 3.x, and the dialects agencies send: Superdesk's (with {@code guid},
 * {@code body_html}, {@code associations.featuremedia}), AP Media API envelopes and paged lists.
 * IPTC documents are checked against the standard first ({@link NinjsRules}).
 */
final class NinjsReader {
  private NinjsReader() {}

  static List<WireItem> read(JsonNode root, ReadContext ctx) {
    if (root.isArray()) {
      var out = new ArrayList<WireItem>();
      int i = 0;
      for (var n : root) out.add(withIndex(i++, () -> one(n, ctx, strict(n))));
      if (out.isEmpty()) throw new NotAStory("", "is an empty JSON array");
      return out;
    }
    if (!root.isObject())
      throw new WireFormatException("", "is JSON but not an object or an array of objects");
    if (root.has("$schema") && (root.has("properties") || root.has("$defs") || root.has("oneOf"))) {
      throw new NotAStory("$schema", "this is a JSON Schema, not a news item");
    }
    if (root.path("data").path("item").isObject())
      return List.of(one(root.path("data").path("item"), ctx, false));
    if (root.path("item").isArray() && root.has("total")) {
      var out = new ArrayList<WireItem>();
      int i = 0;
      for (var n : root.path("item")) out.add(withIndex(i++, () -> one(n, ctx, false)));
      if (out.isEmpty()) throw new NotAStory("item", "the list holds no items");
      return out;
    }
    return List.of(one(root, ctx, strict(root)));
  }

  private interface Reading {
    WireItem read();
  }

  private static WireItem withIndex(int i, Reading r) {
    try {
      return r.read();
    } catch (NotAStory e) {
      throw new NotAStory(
          "item " + (i + 1) + (e.where().isEmpty() ? "" : "/" + e.where()), e.reason());
    } catch (WireFormatException e) {
      throw new WireFormatException(
          "item " + (i + 1) + (e.where().isEmpty() ? "" : "/" + e.where()), e.reason());
    }
  }

  /** IPTC's own ninjs is identified by "uri" alone; a vendor "guid" marks a dialect read leniently. */
  private static boolean strict(JsonNode n) {
    return n.isObject() && !n.has("guid");
  }

  private static WireItem one(JsonNode raw, ReadContext ctx, boolean strict) {
    if (!raw.isObject()) throw new WireFormatException("", "must be a JSON object");
    var n = lowerKeys(raw);
    var type = text(n, "type");
    switch (type) {
      case "event" -> throw new NotAStory("type", "is an event, not a story");
      case "planning" ->
        throw new NotAStory("type", "is a planning item (coverage to come), not a story");
      case "concept" -> throw new NotAStory("type", "is a concept, not a story");
      case "component" ->
        throw new NotAStory("type", "is a component of a composite item, not a story on its own");
      default -> {}
    }
    if (n.containsKey("eventdetails") || n.containsKey("plannedcoverage")) {
      throw new NotAStory(
          n.containsKey("eventdetails") ? "eventDetails" : "plannedCoverage",
          "describes an event or planned coverage, not a story");
    }
    int major = NinjsRules.majorVersion(raw);
    if (strict) NinjsRules.check(raw, major, "");
    var d = new ItemDraft();
    d.format = strict ? "ninjs " + major : "ninjs";
    d.guid = firstText(n, "uri", "guid");
    if (d.guid.isEmpty() && n.get("id") != null && n.get("id").isValueNode())
      d.guid = n.get("id").asText();
    if (d.guid.isEmpty())
      throw new WireFormatException("uri", "is missing: every ninjs item needs one");
    var version = n.get("version");
    if (version != null) {
      if (!(version.isTextual() || version.isIntegralNumber()))
        throw new WireFormatException("version", "must be a string");
      var v = version.asText().strip();
      // ninjs versions are strings; only whole numbers order, anything else counts as version 1.
      d.version = v.matches("\\d{1,18}") ? Long.parseLong(v) : 1;
    }
    d.kind = kindOf(type);
    d.versionCreated = date(n, ctx, "versioncreated");
    d.firstCreated = date(n, ctx, "firstcreated");
    d.embargo = date(n, ctx, "embargoed", "embargoeduntil");
    var status = text(n, "pubstatus");
    if (!status.isEmpty()) {
      d.pubStatus = PubStatus.parse(status);
      if (d.pubStatus == null)
        throw new WireFormatException(
            "pubstatus", "is not usable, withheld or canceled: not a story to publish");
    }
    var urgency = n.get("urgency");
    if (urgency != null
        && urgency.canConvertToInt()
        && urgency.asInt() >= 1
        && urgency.asInt() <= 9) d.urgency = urgency.asInt();
    d.language = text(n, "language");
    d.copyright = firstText(n, "copyrightnotice", "copyrightholder");
    var usage = n.get("usageterms");
    d.usageTerms = usage == null ? "" : usage.isArray() ? join(usage) : usage.asText("");
    d.edNote = text(n, "ednote");
    d.slugline = text(n, "slugline");
    d.title = text(n, "title");
    d.located = text(n, "located");
    d.provider = firstText(n, "source", "provider");
    if (d.provider.isEmpty()) d.provider = text(n, "copyrightholder");
    headlines(n, d);
    body(n, d);
    bylines(n, d);
    subjects(n, d);
    var credit = descriptions(n).get("creditline");
    if (credit != null) d.creditLine = credit;
    var ownPicture = picture(raw, n, d.guid);
    if (ownPicture != null && (d.kind == ItemKind.PICTURE || d.kind == ItemKind.GRAPHIC)) {
      d.pictures.add(ownPicture);
      if (d.body.isEmpty() && !ownPicture.caption().isEmpty())
        d.body.add(dev.byline.content.Block.Paragraph.ofText(ownPicture.caption()));
    }
    associations(n.get("associations"), d);
    if (d.headline.isEmpty() && d.title.isEmpty() && d.body.isEmpty()) {
      throw new NotAStory(
          "headline", "is missing and there is no title or body: nothing to publish");
    }
    return d.build(ctx);
  }

  private static ItemKind kindOf(String type) {
    return switch (type) {
      case "picture" -> ItemKind.PICTURE;
      case "graphic" -> ItemKind.GRAPHIC;
      case "video" -> ItemKind.VIDEO;
      case "audio" -> ItemKind.AUDIO;
      default -> ItemKind.TEXT;
    };
  }

  private static void headlines(Map<String, JsonNode> n, ItemDraft d) {
    d.headline = text(n, "headline");
    if (d.headline.isEmpty()) {
      var ext =
          n.keySet().stream().filter(k -> k.startsWith("headline_")).sorted().toList();
      if (n.containsKey("headline_main")) d.headline = text(n, "headline_main");
      else if (!ext.isEmpty()) d.headline = text(n, ext.get(0));
    }
    for (var h : array(n, "headlines")) {
      var role = h.path("role").asText("main");
      if (d.headline.isEmpty() && (role.equals("main") || role.isEmpty()))
        d.headline = h.path("value").asText("");
      else if (role.equals("sub") || role.equals("subheadline"))
        d.standfirst = h.path("value").asText("");
    }
    if (d.headline.isEmpty() && !array(n, "headlines").isEmpty())
      d.headline = array(n, "headlines").get(0).path("value").asText("");
    var desc = descriptions(n);
    if (d.standfirst.isEmpty()) {
      for (var role : List.of("summary", "lead", "abstract", "text", "html", "xhtml", "")) {
        var v = desc.get(role);
        if (v != null && !v.isBlank()) {
          d.standfirst = role.endsWith("html")
              ? dev.byline.content.Html.toText(dev.byline.content.Html.inline(v))
              : v;
          break;
        }
      }
    }
    d.caption = desc.getOrDefault("caption", "");
  }

  /** Descriptions by role: ninjs 1.x's description_ROLE properties and 2.x's descriptions array. */
  private static Map<String, String> descriptions(Map<String, JsonNode> n) {
    var out = new HashMap<String, String>();
    for (var e : n.entrySet()) {
      if (e.getKey().startsWith("description_") && e.getValue().isTextual())
        out.put(e.getKey().substring(12), e.getValue().asText());
    }
    for (var dsc : array(n, "descriptions"))
      out.putIfAbsent(dsc.path("role").asText(""), dsc.path("value").asText(""));
    return out;
  }

  private static void body(Map<String, JsonNode> n, ItemDraft d) {
    BodyBlocks.Body body = BodyBlocks.Body.EMPTY;
    for (var key : List.of("body_html", "body_xhtml")) {
      if (body.blocks().isEmpty() && n.containsKey(key))
        body = BodyBlocks.fromHtml(text(n, key), d.headline);
    }
    if (body.blocks().isEmpty() && n.containsKey("body_text"))
      body = BodyBlocks.fromText(text(n, "body_text"), d.headline);
    if (body.blocks().isEmpty()) {
      for (var e : n.entrySet()) {
        if (body.blocks().isEmpty()
            && e.getKey().startsWith("body_")
            && e.getValue().isTextual()) {
          body = BodyBlocks.fromText(e.getValue().asText(), d.headline);
        }
      }
    }
    var bodies = array(n, "bodies");
    for (var preferHtml : new boolean[] {true, false}) {
      for (var b : bodies) {
        if (!body.blocks().isEmpty()) break;
        var lower = lowerKeys(b);
        var type = text(lower, "contenttype").toLowerCase(Locale.ROOT);
        var value = text(lower, "value");
        if (type.contains("nitf")) {
          if (!preferHtml) continue;
          var doc = SafeXml.parse(
              value.replaceFirst("^<\\?xml[^>]*>", "").getBytes(StandardCharsets.UTF_8));
          var draft = new ItemDraft();
          draft.headline = d.headline;
          NitfReader.readBody(doc.getDocumentElement(), draft);
          body = new BodyBlocks.Body(draft.body, draft.pictures);
          if (d.dateline.isEmpty()) d.dateline = draft.dateline;
        } else if (type.contains("html") == preferHtml) {
          body = preferHtml
              ? BodyBlocks.fromHtml(value, d.headline)
              : BodyBlocks.fromText(value, d.headline);
        }
      }
    }
    d.body = new ArrayList<>(body.blocks());
    d.pictures.addAll(body.pictures());
  }

  private static void bylines(Map<String, JsonNode> n, ItemDraft d) {
    var by = firstText(n, "byline", "by");
    if (!by.isEmpty()) d.bylines.add(ItemDraft.cleanByline(by.replaceFirst("(?i)^von\\s+", "")));
    for (var a : array(n, "authors")) {
      var name = a.path("name").asText("");
      if (!name.isBlank() && d.bylines.isEmpty()) d.bylines.add(name);
    }
    var photographer = n.get("photographer");
    if (photographer != null && photographer.has("name"))
      d.bylines.add(photographer.path("name").asText());
  }

  private static void subjects(Map<String, JsonNode> n, ItemDraft d) {
    addSubjects(d, array(n, "subject"), Subject.Type.SUBJECT);
    addSubjects(d, array(n, "subjects"), Subject.Type.SUBJECT);
    addSubjects(d, array(n, "person"), Subject.Type.PERSON);
    addSubjects(d, array(n, "people"), Subject.Type.PERSON);
    addSubjects(d, array(n, "organisation"), Subject.Type.ORGANISATION);
    addSubjects(d, array(n, "organisations"), Subject.Type.ORGANISATION);
    addSubjects(d, array(n, "place"), Subject.Type.PLACE);
    addSubjects(d, array(n, "places"), Subject.Type.PLACE);
  }

  private static void addSubjects(ItemDraft d, List<JsonNode> list, Subject.Type type) {
    for (var s : list) {
      var name = s.path("name").asText("");
      var code = codeOf(s);
      if (name.isBlank() && code.isBlank()) continue;
      d.subjects.add(new Subject(code, name, type));
    }
  }

  /** "http://cv.iptc.org/newscodes/mediatopic/15000000" → "medtop:15000000"; else the code as given. */
  static String codeOf(JsonNode s) {
    var uri = s.path("uri").asText("");
    if (uri.contains("cv.iptc.org/newscodes/mediatopic/"))
      return "medtop:" + uri.substring(uri.lastIndexOf('/') + 1);
    if (uri.contains("cv.iptc.org/newscodes/subjectcode/"))
      return "subj:" + uri.substring(uri.lastIndexOf('/') + 1);
    var code = s.path("code").asText(s.path("qcode").asText(""));
    if (code.matches("\\d{8}") && s.path("scheme").asText("").isEmpty()) return "subj:" + code;
    if (!code.isEmpty()) return code;
    var literal = s.path("literal").asText("");
    return literal.isEmpty() ? uri : literal;
  }

  private static Picture picture(JsonNode raw, Map<String, JsonNode> n, String id) {
    var renditions = new ArrayList<Rendition>();
    var r = n.get("renditions");
    if (r == null) return null;
    if (r.isObject()) {
      for (var it = r.fields(); it.hasNext(); ) {
        var e = it.next();
        renditions.add(rendition(e.getKey(), e.getValue()));
      }
    } else if (r.isArray()) {
      for (var e : r)
        renditions.add(rendition(e.path("name").asText(e.path("rel").asText("")), e));
    }
    var desc = descriptions(n);
    var caption = desc.getOrDefault("caption", desc.getOrDefault("text", text(n, "headline")));
    var credit = desc.getOrDefault("creditline", "");
    var by = firstText(n, "byline", "by");
    return new Picture(id, caption, credit, by, renditions);
  }

  private static Rendition rendition(String name, JsonNode r) {
    var l = lowerKeys(r);
    var type = firstText(l, "mimetype", "contenttype");
    return new Rendition(
        name,
        text(l, "href"),
        text(l, "media"),
        type,
        intOf(l.get("width")),
        intOf(l.get("height")));
  }

  private static void associations(JsonNode assoc, ItemDraft d) {
    if (assoc == null) return;
    var list = new ArrayList<Map.Entry<String, JsonNode>>();
    if (assoc.isObject()) assoc.fields().forEachRemaining(list::add);
    else for (var a : assoc) list.add(Map.entry(a.path("name").asText(""), a));
    for (var e : list) {
      var a = e.getValue();
      if (!a.isObject()) continue;
      var l = lowerKeys(a);
      var type = text(l, "type");
      if (!(type.equals("picture")
          || type.equals("graphic")
          || type.isEmpty() && l.containsKey("renditions"))) continue;
      var id = firstText(l, "uri", "guid");
      var p = picture(a, l, id.isEmpty() ? e.getKey() : id);
      if (p == null) {
        var desc = descriptions(l);
        p = new Picture(
            id,
            desc.getOrDefault("caption", desc.getOrDefault("text", text(l, "headline"))),
            desc.getOrDefault("creditline", ""),
            firstText(l, "byline", "by"),
            id.startsWith("http") ? List.of(new Rendition("", id, "", "", 0, 0)) : List.of());
      }
      if (p.caption().isEmpty()) {
        var desc = descriptions(l);
        p = new Picture(
            p.id(),
            desc.getOrDefault("text", text(l, "headline")),
            p.credit(),
            p.byline(),
            p.renditions());
      }
      d.pictures.add(p);
    }
  }

  private static Map<String, JsonNode> lowerKeys(JsonNode n) {
    var out = new HashMap<String, JsonNode>();
    n.fields()
        .forEachRemaining(e -> out.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
    return out;
  }

  private static String text(Map<String, JsonNode> n, String key) {
    var v = n.get(key);
    if (v == null || v.isNull()) return "";
    if (!v.isValueNode()) throw new WireFormatException(key, "must be a string");
    return v.asText("").strip();
  }

  private static String firstText(Map<String, JsonNode> n, String... keys) {
    for (var k : keys) {
      var v = n.get(k);
      if (v != null && v.isValueNode() && !v.asText("").isBlank())
        return v.asText().strip();
    }
    return "";
  }

  private static List<JsonNode> array(Map<String, JsonNode> n, String key) {
    var v = n.get(key);
    if (v == null || !v.isArray()) return List.of();
    var out = new ArrayList<JsonNode>();
    v.forEach(x -> {
      if (x.isObject()) out.add(x);
    });
    return out;
  }

  private static String join(JsonNode array) {
    var out = new ArrayList<String>();
    array.forEach(x -> out.add(x.asText("")));
    return String.join(" ", out);
  }

  private static java.time.Instant date(Map<String, JsonNode> n, ReadContext ctx, String... keys) {
    for (var k : keys) {
      var v = n.get(k);
      if (v == null) continue;
      if (!v.isTextual()) throw new WireFormatException(k, "must be a date-time string");
      var parsed = WireDates.parse(v.asText(), ctx.zone());
      if (parsed != null) return parsed;
    }
    return null;
  }

  private static int intOf(JsonNode n) {
    return n != null && n.canConvertToInt() ? Math.max(0, n.asInt()) : 0;
  }
}
