package dev.byline.web;

import java.util.Map;

/**
 * A request refused at the door for what it is rather than what it says (its method, its body's
 * type or size), with the headers the status calls for, such as {@code Allow} with a 405.
 */
final class Refused extends RuntimeException {
  private final int status;
  private final Map<String, String> headers;

  Refused(int status, String message, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.headers = Map.copyOf(headers);
  }

  /**
   * A refusal that also closes the connection: the body it leaves unread is not worth reading
   * only to find where the next request starts.
   */
  static Refused unread(int status, String message) {
    return new Refused(status, message, Map.of("Connection", "close"));
  }

  int status() {
    return status;
  }

  Map<String, String> headers() {
    return headers;
  }
}
