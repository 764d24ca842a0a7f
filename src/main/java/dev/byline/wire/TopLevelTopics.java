package dev.byline.wire;

import java.util.Map;

/**
 * Names of the 17 top-level IPTC Media Topics and Subject Codes, so that an item carrying only
 * "medtop:11000000" or "subj:11000000" still reads as "politics" and a rule can say "politics".
 * The two vocabularies share their top-level numbers.
 */
final class TopLevelTopics {
  private static final Map<String, String> TOP = Map.ofEntries(
      Map.entry("01", "arts, culture, entertainment and media"),
      Map.entry("02", "crime, law and justice"),
      Map.entry("03", "disaster, accident and emergency incident"),
      Map.entry("04", "economy, business and finance"),
      Map.entry("05", "education"),
      Map.entry("06", "environment"),
      Map.entry("07", "health"),
      Map.entry("08", "human interest"),
      Map.entry("09", "labour"),
      Map.entry("10", "lifestyle and leisure"),
      Map.entry("11", "politics"),
      Map.entry("12", "religion"),
      Map.entry("13", "science and technology"),
      Map.entry("14", "society"),
      Map.entry("15", "sport"),
      Map.entry("16", "conflict, war and peace"),
      Map.entry("17", "weather"));

  private TopLevelTopics() {}

  /** The name of a top-level code such as "medtop:11000000"; empty for anything else. */
  static String nameOf(String code) {
    var digits = digits(code);
    if (digits == null || !digits.endsWith("000000")) return "";
    return TOP.getOrDefault(digits.substring(0, 2), "");
  }

  /** The name of the top-level topic a code falls under ("subj:11003000" → "politics"). */
  static String topLevelName(String code) {
    var digits = digits(code);
    return digits == null ? "" : TOP.getOrDefault(digits.substring(0, 2), "");
  }

  private static String digits(String code) {
    if (code == null) return null;
    var c = code.strip();
    int colon = c.indexOf(':');
    var scheme = colon < 0 ? "" : c.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
    if (!(scheme.equals("medtop") || scheme.equals("subj") || scheme.isEmpty())) return null;
    var d = c.substring(colon + 1);
    return d.matches("\\d{8}") ? d : null;
  }
}
