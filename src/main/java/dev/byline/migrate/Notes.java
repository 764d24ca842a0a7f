package dev.byline.migrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import changed or left out of one item, in plain words, for the report. Repeated
 * notes are counted rather than repeated ("a picture is not in the photo desk ×3").
 */
final class Notes {
  private final Map<String, Integer> notes = new LinkedHashMap<>();
  private final Map<String, Integer> shortcodes = new LinkedHashMap<>();

  void add(String note) {
    if (note != null && !note.isBlank()) notes.merge(note, 1, Integer::sum);
  }

  /** A shortcode Byline does not know, kept in the text as it was written. */
  void shortcode(String name) {
    shortcodes.merge(name, 1, Integer::sum);
  }

  Map<String, Integer> shortcodes() {
    return shortcodes;
  }

  boolean isEmpty() {
    return notes.isEmpty() && shortcodes.isEmpty();
  }

  List<String> lines() {
    var out = new ArrayList<String>(notes.size() + 1);
    notes.forEach((note, n) -> out.add(n == 1 ? note : note + " (×" + n + ")"));
    if (!shortcodes.isEmpty())
      out.add("shortcodes Byline does not run were kept as text: "
          + String.join(
              ", ", shortcodes.keySet().stream().map(s -> "[" + s + "]").toList()));
    return out;
  }

  @Override
  public String toString() {
    return String.join("; ", lines());
  }
}
