package dev.byline.migrate;

import java.nio.charset.StandardCharsets;

/**
 * Reads one string from WordPress's PHP-serialised attachment metadata, such as the photo credit
 * a camera or agency wrote into the file ({@code image_meta → credit}). Only strings are read;
 * nothing is ever unserialised into objects.
 */
final class PhpMeta {
  private PhpMeta() {}

  /** The value of {@code s:N:"key";s:M:"value";}, or empty. Lengths are in UTF-8 bytes, as PHP counts. */
  static String string(String serialized, String key) {
    if (serialized == null) return "";
    var marker = ":\"" + key + "\";s:";
    int at = serialized.indexOf(marker);
    if (at < 0) return "";
    int lenStart = at + marker.length();
    int colon = serialized.indexOf(':', lenStart);
    if (colon < 0) return "";
    int bytes;
    try {
      bytes = Integer.parseInt(serialized.substring(lenStart, colon));
    } catch (NumberFormatException e) {
      return "";
    }
    if (bytes <= 0
        || bytes > 10_000
        || colon + 1 >= serialized.length()
        || serialized.charAt(colon + 1) != '"') return "";
    var rest = serialized.substring(colon + 2).getBytes(StandardCharsets.UTF_8);
    if (rest.length < bytes) return "";
    return new String(rest, 0, bytes, StandardCharsets.UTF_8).strip();
  }
}
