package dev.byline.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Byline-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} over {@code
 * <t>.<body>} with the subscription's secret. Signing the time too lets a receiver refuse replays
 * older than it is willing to accept.
 *
 * <pre>{@code
 * var header = Signature.header(secret, Instant.now().getEpochSecond(), body);
 * Signature.verify(secret, header, body); // true
 * }</pre>
 */
public final class Signature {
  public static final String HEADER = "Byline-Signature";

  private Signature() {}

  public static String header(String secret, long epochSeconds, String body) {
    return "t=" + epochSeconds + ",v1=" + hmac(secret, epochSeconds + "." + body);
  }

  /** True when {@code header} is a signature of {@code body} made with {@code secret}. */
  public static boolean verify(String secret, String header, String body) {
    String t = null;
    String v1 = null;
    for (var part : header.split(",")) {
      var kv = part.strip().split("=", 2);
      if (kv.length != 2) continue;
      if (kv[0].equals("t")) t = kv[1];
      if (kv[0].equals("v1")) v1 = kv[1];
    }
    if (t == null || v1 == null) return false;
    var expected = hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII));
  }

  static String hmac(String secret, String text) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }
}
