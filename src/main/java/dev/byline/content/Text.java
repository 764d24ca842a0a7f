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
    if (v.length() > maxLength)
      throw new InvalidInput(field, "is longer than " + maxLength + " characters");
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
        throw new InvalidInput(field, "contains a control character at position " + (i + 1));
      }
    }
    return v;
  }

  /**
   * One cell of a CSV export (RFC 4180), safe to open in a spreadsheet: a leading = + - @ tab or
   * carriage return is prefixed with an apostrophe so it cannot run as a formula.
   */
  public static String csvCell(String value) {
    var v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r"))
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    return v;
  }
}
