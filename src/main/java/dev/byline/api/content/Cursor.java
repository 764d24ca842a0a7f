package dev.byline.api.content;

import dev.byline.api.ApiError;
import dev.byline.content.PublishedListing.Position;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Opaque page cursors. Clients pass back what they were given; the encoding (a kind, then the
 * position the page ended at, in base64url) may change between versions, so nobody should build
 * one by hand. A cursor of the wrong kind or a damaged one is refused naming {@code cursor}.
 */
final class Cursor {
  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

  private Cursor() {}

  static String ofArticle(Position p) {
    return p == null ? null : encode("a1:" + p.publishedAt().toEpochMilli() + ":" + p.id());
  }

  static Position article(String cursor) {
    if (cursor == null || cursor.isEmpty()) return null;
    var parts = decode(cursor).split(":");
    if (parts.length != 3 || !parts[0].equals("a1")) throw invalid();
    try {
      return new Position(Instant.ofEpochMilli(Long.parseLong(parts[1])), Long.parseLong(parts[2]));
    } catch (NumberFormatException e) {
      throw invalid();
    }
  }

  static String ofId(String kind, long id) {
    return encode(kind + "1:" + id);
  }

  /** The id a list of {@code kind} ended at; 0 (the start) when there is no cursor. */
  static long id(String kind, String cursor) {
    if (cursor == null || cursor.isEmpty()) return 0;
    var parts = decode(cursor).split(":");
    if (parts.length != 2 || !parts[0].equals(kind + "1")) throw invalid();
    try {
      return Long.parseLong(parts[1]);
    } catch (NumberFormatException e) {
      throw invalid();
    }
  }

  private static String encode(String s) {
    return ENCODE.encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String cursor) {
    try {
      return new String(DECODE.decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  private static ApiError invalid() {
    return ApiError.badField(
        "cursor", "cursor is not one this API gave out; start again without it");
  }
}
