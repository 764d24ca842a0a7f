package dev.byline.site;

/**
 * A 4xx or 5xx page in plain words.
 *
 * @param detail the handler's own (English) words when the page is in another language and they
 *     say what was wrong, or empty
 */
public record ErrorView(
    Chrome chrome, Meta meta, int status, String title, String message, String detail) {
  public ErrorView(Chrome chrome, Meta meta, int status, String title, String message) {
    this(chrome, meta, status, title, message, "");
  }
}
