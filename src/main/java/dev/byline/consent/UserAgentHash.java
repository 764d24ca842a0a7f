package dev.byline.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of the User-Agent header, hex: enough to match a record to a browser it is shown, never the header itself. */
public final class UserAgentHash {
  /** Longer headers are truncated before hashing; no real browser sends more. */
  static final int MAX_CHARS = 1024;

  private UserAgentHash() {}

  public static String of(String userAgent) {
    var ua = userAgent == null
        ? ""
        : userAgent.length() > MAX_CHARS ? userAgent.substring(0, MAX_CHARS) : userAgent;
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(ua.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
