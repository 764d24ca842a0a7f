package dev.byline.wire;

import dev.byline.config.ConfigException;
import java.util.Locale;

/**
 * One line of a source's desk rules: items about {@code subject} go to {@code section}, get
 * {@code topic}, and are published at once or wait in the inbox. Written in configuration as
 * {@code politics -> world, topic Politics, publish}; {@code *} matches every item.
 *
 * @param subject a subject code ("medtop:11000000"), a subject name ("politics"), or "*"
 * @param section a section slug; empty keeps the source's default
 * @param topic a topic to add; empty for none
 */
public record Rule(String subject, String section, String topic, boolean publish) {

  public boolean matches(WireItem item) {
    if (subject.equals("*")) return true;
    for (var s : item.subjects()) if (s.matches(subject)) return true;
    return false;
  }

  /** Reads {@code SUBJECT -> SECTION[, topic NAME][, publish|inbox]}; errors name the key. */
  public static Rule parse(String key, String text) {
    int arrow = text.indexOf("->");
    if (arrow < 0)
      throw new ConfigException(
          key,
          "must read like \"politics -> world, topic Politics, publish\", not \"" + text + "\"");
    var subject = text.substring(0, arrow).strip();
    if (subject.isEmpty())
      throw new ConfigException(key, "names no subject before \"->\" (use * for every item)");
    var parts = text.substring(arrow + 2).split(",");
    var section = parts[0].strip();
    if (section.equals("-")) section = "";
    var topic = "";
    boolean publish = false;
    for (int i = 1; i < parts.length; i++) {
      var p = parts[i].strip();
      var lower = p.toLowerCase(Locale.ROOT);
      if (lower.equals("publish")) publish = true;
      else if (lower.equals("inbox")) publish = false;
      else if (lower.startsWith("topic ")) topic = p.substring(6).strip();
      else
        throw new ConfigException(
            key,
            "has \"" + p
                + "\"; after the section only \"topic NAME\", \"publish\" or \"inbox\" may follow");
    }
    if (section.length() == 1 && !section.equals("-"))
      throw new ConfigException(key, "section \"" + section + "\" is too short");
    return new Rule(subject, section, topic, publish);
  }
}
