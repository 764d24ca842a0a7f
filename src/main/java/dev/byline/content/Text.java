package dev.byline.content;

/** Checks for plain-text fields: trims, refuses control characters, bounds length. */
public final class Text {
  private Text() {}

  public static String required(String field, String value, int maxLength) {
    var v = optional(field, value, maxLength);
    if (v.isEmpty()) throw new InvalidInput(field, "is empty");
    return v;
  }

  public static String optional(String field, String value, int maxLength) {
    if (value == null) return "";
    var v = value.strip();
    if (v.length() > maxLength) throw new InvalidInput(field, "is longer than " + maxLength + " characters");
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
        throw new InvalidInput(field, "contains a control character at position " + (i + 1));
      }
    }
    return v;
  }
}
