package dev.byline.web;

import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses malformed requests at the door, before any handler sees them: a query string that is
 * too long or not properly percent-encoded UTF-8 gets a 4xx naming the problem. (Jetty already
 * refuses bad paths, oversized headers and ambiguous path segments.)
 */
final class RequestChecks {
  /** Longer than any search or filter a reader types; longer is a mistake or an attack. */
  static final int MAX_QUERY_LENGTH = 4096;

  private RequestChecks() {}

  static void check(Context ctx) {
    var query = ctx.queryString();
    if (query == null || query.isEmpty()) return;
    if (query.length() > MAX_QUERY_LENGTH) {
      throw new UriTooLong("the query string is " + query.length()
          + " characters long; the limit is " + MAX_QUERY_LENGTH);
    }
    if (!wellEncoded(query))
      throw new BadRequest("the query string is not properly percent-encoded UTF-8");
  }

  static boolean wellEncoded(String s) {
    var bytes = new java.io.ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length()
            || Character.digit(s.charAt(i + 1), 16) < 0
            || Character.digit(s.charAt(i + 2), 16) < 0) {
          return false;
        }
        bytes.write(
            Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
        i += 2;
      } else if (c > 0x7e || c < 0x20) {
        return false;
      } else {
        bytes.write(c);
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** 414: the request target is longer than this site accepts. */
  static final class UriTooLong extends RuntimeException {
    UriTooLong(String message) {
      super(message, null, false, false);
    }
  }
}
