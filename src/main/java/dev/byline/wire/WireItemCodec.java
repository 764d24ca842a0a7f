package dev.byline.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.byline.content.BlockCodec;
import dev.byline.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Wire items to JSON and back, for the {@code wire_item} table. Written by hand, like
 * {@link BlockCodec}, so the stored shape is visible and stable.
 */
final class WireItemCodec {

  private WireItemCodec() {}

  static String toJson(WireItem i) {
    var n = Json.MAPPER.createObjectNode();
    n.put("source", i.source())
        .put("guid", i.guid())
        .put("version", i.version())
        .put("versionCreated", i.versionCreated().toString())
        .put("firstCreated", i.firstCreated() == null ? null : i.firstCreated().toString())
        .put("pubStatus", i.pubStatus().dbValue())
        .put("embargo", i.embargo() == null ? null : i.embargo().toString())
        .put("kind", i.kind().dbValue())
        .put("format", i.format())
        .put("headline", i.headline())
        .put("standfirst", i.standfirst())
        .put("dateline", i.dateline())
        .put("located", i.located())
        .put("language", i.language())
        .put("urgency", i.urgency())
        .put("provider", i.provider())
        .put("creditLine", i.creditLine())
        .put("copyright", i.copyright())
        .put("usageTerms", i.usageTerms())
        .put("slugline", i.slugline())
        .put("edNote", i.edNote());
    n.put("body", BlockCodec.toJson(i.body())); // kept as the article body's own JSON text
    var bylines = n.putArray("bylines");
    i.bylines().forEach(bylines::add);
    var subjects = n.putArray("subjects");
    for (var s : i.subjects())
      subjects
          .addObject()
          .put("code", s.code())
          .put("name", s.name())
          .put("type", s.type().name());
    var pictures = n.putArray("pictures");
    for (var p : i.pictures()) {
      var pn = pictures
          .addObject()
          .put("id", p.id())
          .put("caption", p.caption())
          .put("credit", p.credit())
          .put("byline", p.byline());
      var rs = pn.putArray("renditions");
      for (var r : p.renditions()) {
        rs.addObject()
            .put("name", r.name())
            .put("href", r.href())
            .put("residref", r.residref())
            .put("contentType", r.contentType())
            .put("width", r.width())
            .put("height", r.height());
      }
    }
    var members = n.putArray("members");
    for (var m : i.members()) {
      members
          .addObject()
          .put("guid", m.guid())
          .put("kind", m.kind().dbValue())
          .put("role", m.role())
          .put("headline", m.headline());
    }
    return n.toString();
  }

  static WireItem fromJson(String json) {
    JsonNode n;
    try {
      n = Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored wire item is not JSON: " + e.getOriginalMessage(), e);
    }
    var bylines = new ArrayList<String>();
    n.path("bylines").forEach(b -> bylines.add(b.asText()));
    var subjects = new ArrayList<Subject>();
    n.path("subjects")
        .forEach(s -> subjects.add(new Subject(
            s.path("code").asText(),
            s.path("name").asText(),
            Subject.Type.valueOf(s.path("type").asText("SUBJECT")))));
    var pictures = new ArrayList<Picture>();
    for (var p : n.path("pictures")) {
      var rs = new ArrayList<Rendition>();
      for (var r : p.path("renditions")) {
        rs.add(new Rendition(
            r.path("name").asText(),
            r.path("href").asText(),
            r.path("residref").asText(),
            r.path("contentType").asText(),
            r.path("width").asInt(),
            r.path("height").asInt()));
      }
      pictures.add(new Picture(
          p.path("id").asText(),
          p.path("caption").asText(),
          p.path("credit").asText(),
          p.path("byline").asText(),
          rs));
    }
    var members = new ArrayList<PackageMember>();
    n.path("members")
        .forEach(m -> members.add(new PackageMember(
            m.path("guid").asText(),
            ItemKind.fromDb(m.path("kind").asText("text")),
            m.path("role").asText(),
            m.path("headline").asText())));
    return new WireItem(
        n.path("source").asText(),
        n.path("guid").asText(),
        n.path("version").asLong(),
        Instant.parse(n.path("versionCreated").asText()),
        instant(n.get("firstCreated")),
        PubStatus.parse(n.path("pubStatus").asText()),
        instant(n.get("embargo")),
        ItemKind.fromDb(n.path("kind").asText()),
        n.path("format").asText(),
        n.path("headline").asText(),
        n.path("standfirst").asText(),
        BlockCodec.fromJson(
            n.path("body").isTextual()
                ? n.path("body").asText()
                : n.path("body").toString()),
        bylines,
        n.path("dateline").asText(),
        n.path("located").asText(),
        n.path("language").asText(),
        subjects,
        n.path("urgency").asInt(),
        n.path("provider").asText(),
        n.path("creditLine").asText(),
        n.path("copyright").asText(),
        n.path("usageTerms").asText(),
        n.path("slugline").asText(),
        n.path("edNote").asText(),
        pictures,
        members);
  }

  private static Instant instant(JsonNode n) {
    return n == null || n.isNull() || n.asText().isEmpty() ? null : Instant.parse(n.asText());
  }

  static String imageIds(List<Long> ids) {
    var out = new StringBuilder();
    for (var id : ids) {
      if (out.length() > 0) out.append(' ');
      out.append(id == null ? "-" : id.toString());
    }
    return out.toString();
  }

  static List<Long> imageIds(String stored) {
    var out = new ArrayList<Long>();
    if (stored == null || stored.isBlank()) return out;
    for (var part : stored.trim().split(" +"))
      out.add(part.equals("-") ? null : Long.parseLong(part));
    return out;
  }
}
