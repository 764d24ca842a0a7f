package dev.byline.wire;

/**
 * A file that cannot be read as a wire item. The message names where (a field such as
 * "contentMeta/headline", or "line 12, column 4") and why, in plain words, and never carries a
 * stack trace to the person reading it.
 */
public class WireFormatException extends RuntimeException {
  private final String where;
  private final String reason;

  public WireFormatException(String where, String reason) {
    super(where.isEmpty() ? reason : where + ": " + reason, null, false, false);
    this.where = where;
    this.reason = reason;
  }

  /** The field or the line and column; empty when the whole file is at fault. */
  public String where() {
    return where;
  }

  public String reason() {
    return reason;
  }

  /**
   * A parser's message fit for a quarantine note: what it quoted from the file (a token, an
   * element name, a character code) taken out, at most 200 characters. A file may be anything,
   * even a link to a private file, and its note must never carry its contents.
   */
  static String withoutQuotes(String parserMessage) {
    if (parserMessage == null) return "";
    var m = parserMessage
        .replaceAll("\"[^\"]*\"|'[^']*'", "…")
        .replaceAll("\\(code -?\\d+\\)", "")
        .replaceAll("\\s+", " ")
        .strip();
    return m.length() > 200 ? m.substring(0, 200) + "…" : m;
  }
}
