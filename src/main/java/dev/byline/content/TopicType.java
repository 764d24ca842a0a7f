package dev.byline.content;

import java.util.Locale;

/** The kinds of topic a newsroom tags with. */
public enum TopicType {
  PERSON,
  PLACE,
  ORGANISATION,
  SUBJECT;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TopicType parse(String value) {
    if (value == null) throw new InvalidInput("topic type", "is empty");
    var v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("organization")) v = "organisation";
    for (var t : values()) if (t.dbValue().equals(v)) return t;
    throw new InvalidInput(
        "topic type", "must be person, place, organisation or subject, not \"" + value + "\"");
  }
}
