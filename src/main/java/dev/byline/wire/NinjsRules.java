package dev.byline.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of IPTC ninjs that a reader must hold a document to, by major version: which
 * properties exist, their types, and their closed lists of values. Applied to documents in
 * IPTC's own ninjs (identified by {@code uri}); vendor dialects that extend it (a Superdesk
 * {@code guid}, an AP Media API envelope) are read leniently instead. A broken rule is reported
 * with the property's path, e.g. {@code associations[0]/incorrectproperty}.
 */
final class NinjsRules {
  private static final Set<String> V1 = Set.of(
      "$standard",
      "uri",
      "type",
      "mimetype",
      "representationtype",
      "profile",
      "version",
      "versioncreated",
      "firstcreated",
      "contentcreated",
      "embargoed",
      "expires",
      "pubstatus",
      "urgency",
      "language",
      "copyrightholder",
      "copyrightnotice",
      "usageterms",
      "ednote",
      "headline",
      "byline",
      "located",
      "slugline",
      "title",
      "person",
      "organisation",
      "place",
      "subject",
      "event",
      "object",
      "genre",
      "infosource",
      "renditions",
      "associations",
      "altids",
      "trustindicator",
      "rightsinfo",
      "charcount",
      "wordcount",
      "digitalsourcetype");
  /** ninjs 1.x's extension properties. The pattern is unanchored at the end, as in the standard's own schema. */
  private static final Pattern V1_EXTENSION =
      Pattern.compile("^(headline|body|description)_[a-zA-Z0-9_]+");

  private static final Set<String> V2 = Set.of(
      "standard",
      "uri",
      "type",
      "representationtype",
      "profile",
      "version",
      "versioncreated",
      "firstcreated",
      "contentcreated",
      "embargoed",
      "expires",
      "pubstatus",
      "urgency",
      "language",
      "copyrightholder",
      "copyrightnotice",
      "usageterms",
      "ednote",
      "headlines",
      "bodies",
      "descriptions",
      "by",
      "located",
      "slugline",
      "title",
      "people",
      "organisations",
      "places",
      "subjects",
      "events",
      "objects",
      "genres",
      "infosources",
      "renditions",
      "associations",
      "altids",
      "trustindicators",
      "rightsinfo",
      "digitalsourcetype");
  private static final Set<String> V3 = Set.of(
      "standard",
      "uri",
      "type",
      "representationType",
      "profile",
      "version",
      "versionCreated",
      "firstCreated",
      "contentCreated",
      "embargoedUntil",
      "expires",
      "pubStatus",
      "urgency",
      "language",
      "copyrightHolder",
      "copyrightNotice",
      "usageTerms",
      "edNote",
      "headlines",
      "bodies",
      "descriptions",
      "by",
      "located",
      "slugline",
      "title",
      "people",
      "organisations",
      "places",
      "subjects",
      "events",
      "objects",
      "genres",
      "infoSources",
      "renditions",
      "associations",
      "altIds",
      "trustIndicators",
      "rightsInfo",
      "digitalSourceType",
      "eventDetails",
      "plannedCoverage");
  private static final Set<String> TYPES =
      Set.of("text", "audio", "video", "picture", "graphic", "composite", "component");
  private static final Set<String> TYPES_3 = Set.of(
      "text",
      "audio",
      "video",
      "picture",
      "graphic",
      "composite",
      "component",
      "event",
      "planning",
      "concept");
  private static final Set<String> STRINGS = Set.of(
      "uri",
      "type",
      "mimetype",
      "representationtype",
      "profile",
      "version",
      "versioncreated",
      "firstcreated",
      "contentcreated",
      "embargoed",
      "embargoeduntil",
      "expires",
      "pubstatus",
      "language",
      "copyrightholder",
      "copyrightnotice",
      "usageterms",
      "ednote",
      "headline",
      "byline",
      "by",
      "located",
      "slugline",
      "title");
  private static final Set<String> ARRAYS = Set.of(
      "person",
      "organisation",
      "place",
      "subject",
      "event",
      "object",
      "genre",
      "infosource",
      "people",
      "organisations",
      "places",
      "subjects",
      "events",
      "objects",
      "genres",
      "infosources",
      "headlines",
      "bodies",
      "descriptions",
      "trustindicator",
      "trustindicators");
  private static final Set<String> GEOJSON_TYPES = Set.of(
      "Point",
      "MultiPoint",
      "LineString",
      "MultiLineString",
      "Polygon",
      "MultiPolygon",
      "GeometryCollection",
      "Feature",
      "FeatureCollection");

  private NinjsRules() {}

  /** The major version a document follows: declared, else told by its shape. */
  static int majorVersion(JsonNode doc) {
    var declared = doc.path("$standard")
        .path("version")
        .asText(doc.path("standard").path("version").asText(""));
    if (!declared.isEmpty() && Character.isDigit(declared.charAt(0)))
      return declared.charAt(0) - '0';
    if (doc.has("versionCreated")
        || doc.has("pubStatus")
        || doc.has("firstCreated")
        || doc.has("altIds")
        || doc.has("trustIndicators")
        || doc.has("rightsInfo")
        || doc.has("edNote")
        || doc.has("usageTerms")
        || doc.has("copyrightHolder")
        || doc.has("embargoedUntil")
        || doc.has("eventDetails")
        || doc.has("plannedCoverage")
        || doc.has("infoSources")
        || doc.has("digitalSourceType")
        || doc.has("representationType")) {
      return 3;
    }
    if (doc.has("headlines")
        || doc.has("bodies")
        || doc.has("descriptions")
        || doc.has("subjects")
        || doc.has("by")
        || doc.has("people")
        || doc.has("places")
        || doc.has("organisations")
        || doc.has("standard")
        || doc.path("associations").isArray()
        || doc.path("renditions").isArray()
        || doc.has("genres")
        || doc.has("trustindicators")
        || doc.has("infosources")) {
      return 2;
    }
    return 1;
  }

  static void check(JsonNode doc, int major, String path) {
    if (!doc.isObject()) throw new WireFormatException(path, "must be a JSON object");
    if (!doc.has("uri"))
      throw new WireFormatException(path + "uri", "is missing: every ninjs object needs one");
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
      var e = it.next();
      var key = e.getKey();
      var value = e.getValue();
      if (declared(doc) && !known(key, major)) {
        throw new WireFormatException(path + key, "is not a property of ninjs " + major + ".x");
      }
      var lower = key.toLowerCase(java.util.Locale.ROOT);
      if (STRINGS.contains(lower) || major == 1 && V1_EXTENSION.matcher(key).find()) {
        if (!value.isTextual())
          throw new WireFormatException(path + key, "must be a string, not " + kind(value));
      } else if (ARRAYS.contains(lower)) {
        if (!value.isArray())
          throw new WireFormatException(path + key, "must be an array, not " + kind(value));
        for (var item : value)
          if (!item.isObject())
            throw new WireFormatException(path + key, "must hold objects, not " + kind(item));
      }
    }
    var type = doc.path("type");
    if (type.isTextual() && !(major >= 3 ? TYPES_3 : TYPES).contains(type.asText())) {
      throw new WireFormatException(path + "type", "is not a ninjs type");
    }
    var repr = doc.has("representationtype")
        ? doc.get("representationtype")
        : doc.get("representationType");
    if (repr != null
        && major < 3
        && !Set.of("complete", "incomplete", "full", "partial").contains(repr.asText())) {
      throw new WireFormatException(path + "representationtype", "is not complete or incomplete");
    }
    var urgency = doc.get("urgency");
    if (urgency != null && (!urgency.isInt() || urgency.asInt() < 0 || urgency.asInt() > 9)) {
      throw new WireFormatException(
          path + "urgency", "must be a whole number from 0 to 9, not " + urgency);
    }
    var status = doc.has("pubstatus") ? doc.get("pubstatus") : doc.get("pubStatus");
    if (status != null && !Set.of("usable", "withheld", "canceled").contains(status.asText())) {
      throw new WireFormatException(path + "pubstatus", "is not usable, withheld or canceled");
    }
    var digital =
        doc.has("digitalsourcetype") ? doc.get("digitalsourcetype") : doc.get("digitalSourceType");
    if (digital != null && !digital.isObject())
      throw new WireFormatException(path + "digitalsourcetype", "must be an object");
    var altids = doc.has("altids") ? doc.get("altids") : doc.get("altIds");
    if (altids != null && !(altids.isObject() || altids.isArray()))
      throw new WireFormatException(path + "altids", "must be an object or an array");
    rights(
        doc.has("rightsinfo") ? doc.get("rightsinfo") : doc.get("rightsInfo"), path + "rightsinfo");
    places(doc, path);
    var declared = doc.path("standard").path("version").asText("");
    associations(doc.get("associations"), major, path, declared.equals("2.0"));
  }

  /**
   * Only a document that names its standard is held to the standard's closed list of top-level
   * properties; without that, an unknown property is taken as an agency's extension. Associations
   * are always held to it, since an association is a ninjs object and nothing else.
   */
  private static boolean declared(JsonNode doc) {
    return doc.has("$standard") || doc.has("standard");
  }

  private static boolean known(String key, int major) {
    if (major == 1) return V1.contains(key) || V1_EXTENSION.matcher(key).find();
    if (major == 2) return V2.contains(key);
    return V3.contains(key);
  }

  private static void rights(JsonNode rights, String path) {
    if (rights == null) return;
    if (!rights.isObject()) throw new WireFormatException(path, "must be an object");
    for (var it = rights.fieldNames(); it.hasNext(); ) {
      var k = it.next();
      if (!Set.of("langid", "linkedrights", "encodedrights")
          .contains(k.toLowerCase(java.util.Locale.ROOT))) {
        throw new WireFormatException(path + "/" + k, "is not a rights property");
      }
    }
    boolean linked = rights.has("linkedrights") || rights.has("linkedRights");
    boolean encoded = rights.has("encodedrights") || rights.has("encodedRights");
    if (linked == encoded)
      throw new WireFormatException(
          path,
          "must hold either linked rights or encoded rights, not " + (linked ? "both" : "neither"));
  }

  private static void places(JsonNode doc, String path) {
    for (var key : new String[] {"place", "places"}) {
      int i = 0;
      for (var place : doc.path(key)) {
        for (var g : new String[] {"geojson", "geoJSON"}) {
          var geo = place.get(g);
          if (geo != null) geojson(geo, path + key + "[" + i + "]/" + g);
        }
        i++;
      }
    }
  }

  private static void geojson(JsonNode geo, String path) {
    if (!geo.isObject()) throw new WireFormatException(path, "must be a GeoJSON object");
    var type = geo.path("type").asText("");
    if (!GEOJSON_TYPES.contains(type))
      throw new WireFormatException(path + "/type", "is not a GeoJSON type");
    if (!type.startsWith("Feature") && !type.equals("GeometryCollection")) {
      var c = geo.get("coordinates");
      if (c == null || !c.isArray() || !numbers(c))
        throw new WireFormatException(path + "/coordinates", "must be an array of numbers");
    }
  }

  private static boolean numbers(JsonNode array) {
    for (var n : array) if (!(n.isNumber() || n.isArray() && numbers(n))) return false;
    return true;
  }

  private static void associations(JsonNode assoc, int major, String path, boolean declared20) {
    if (assoc == null) return;
    if (major == 1) {
      if (!assoc.isObject())
        throw new WireFormatException(path + "associations", "must be an object in ninjs 1.x");
      for (var it = assoc.fields(); it.hasNext(); ) {
        var e = it.next();
        checkAssociation(e.getValue(), 1, path + "associations/" + e.getKey() + "/");
      }
      return;
    }
    if (!assoc.isArray())
      throw new WireFormatException(
          path + "associations", "must be an array in ninjs " + major + ".x");
    int i = 0;
    for (var a : assoc) {
      var p = path + "associations[" + i++ + "]/";
      if (!a.isObject()) throw new WireFormatException(p, "must be an object");
      var copy = ((com.fasterxml.jackson.databind.node.ObjectNode) a).deepCopy();
      boolean named = copy.has("name");
      copy.remove("name");
      copy.remove("rel");
      if (!copy.has("uri")) {
        // ninjs 2.0 let a named association stand without being a whole ninjs object; 2.1 on need a
        // uri.
        if (major == 2 && named && declared20) continue;
        throw new WireFormatException(p + "uri", "is missing: an association needs a uri");
      }
      if (!named && !isTwoZero(major, a))
        throw new WireFormatException(p + "name", "is missing: an association needs a name");
      checkAssociation(copy, major, p);
    }
  }

  private static void checkAssociation(JsonNode a, int major, String path) {
    if (!a.isObject()) throw new WireFormatException(path, "must be an object");
    for (var it = a.fieldNames(); it.hasNext(); ) {
      var k = it.next();
      if (!known(k, major))
        throw new WireFormatException(path + k, "is not a property of ninjs " + major + ".x");
    }
    check(a, major, path);
  }

  /** ninjs 2.0 allowed unnamed associations that are whole ninjs objects; 2.1 made the name required. */
  private static boolean isTwoZero(int major, JsonNode a) {
    return major == 2 && a.has("uri") && !a.has("name") && a.size() > 1;
  }

  private static String kind(JsonNode n) {
    if (n.isTextual()) return "a string";
    if (n.isNumber()) return "a number (" + n + ")";
    if (n.isObject()) return "an object";
    if (n.isArray()) return "an array";
    if (n.isBoolean()) return "true or false";
    return "null";
  }
}
