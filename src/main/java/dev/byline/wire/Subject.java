package dev.byline.wire;

import java.util.Locale;

/**
 * What an item is about: an IPTC Media Topic ("medtop:11000000"), an old IPTC Subject Code
 * ("subj:11000000"), or an agency's own code ("N2:POL"), with its name when the item gives one
 * or the code is a well-known top-level topic.
 *
 * @param code the qualified code as sent, e.g. "medtop:20000523"; empty for a name-only subject
 * @param name the human name, e.g. "labour market"; may be empty
 * @param type what kind of thing it is, which decides the topic type it maps to
 */
public record Subject(String code, String name, Type type) {

  /** The kinds of subject, after IPTC's concept natures. */
  public enum Type {
    SUBJECT,
    PERSON,
    ORGANISATION,
    PLACE,
    EVENT,
    OBJECT
  }

  public Subject {
    code = code == null ? "" : code.strip();
    name = name == null ? "" : name.strip().replaceAll("\\s+", " ");
    if (type == null) type = Type.SUBJECT;
    if (name.isEmpty() && !code.isEmpty()) name = TopLevelTopics.nameOf(code);
  }

  public static Subject of(String code, String name) {
    return new Subject(code, name, Type.SUBJECT);
  }

  /** The scheme before the colon ("medtop"), lower case; empty when the code has none. */
  public String scheme() {
    int colon = code.indexOf(':');
    return colon < 0 ? "" : code.substring(0, colon).toLowerCase(Locale.ROOT);
  }

  /** True when this is an IPTC Media Topic. */
  public boolean isMediaTopic() {
    return scheme().equals("medtop");
  }

  /** True when a rule's word matches: the code, the name, or the top-level topic's name. */
  public boolean matches(String word) {
    var w = word.strip();
    if (w.isEmpty()) return false;
    return code.equalsIgnoreCase(w)
        || name.equalsIgnoreCase(w)
        || TopLevelTopics.topLevelName(code).equalsIgnoreCase(w);
  }
}
