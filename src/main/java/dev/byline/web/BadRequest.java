package dev.byline.web;

/** A request the server understood but will not act on; the message says what was wrong. */
public final class BadRequest extends RuntimeException {
  public BadRequest(String message) {
    super(message, null, false, false);
  }
}
