package dev.byline.migrate;

/**
 * An export that cannot be read as a whole: cut short, not well-formed, or not an export at all.
 * The message is one line naming the file, the place and the reason.
 */
public final class ExportException extends Exception {
  private final String where;
  private final String reason;

  public ExportException(String where, String reason) {
    super((where == null || where.isEmpty() ? "" : where + ": ") + reason, null, false, false);
    this.where = where == null ? "" : where;
    this.reason = reason;
  }

  public String where() {
    return where;
  }

  public String reason() {
    return reason;
  }
}
