package dev.byline.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time codes (RFC 6238 over RFC 4226): HMAC-SHA-1, 30-second steps, 6 digits,
 * which every authenticator app reads from an {@code otpauth://} link. Secrets travel as Base32
 * (RFC 4648, no padding), the form those apps expect.
 *
 * <pre>{@code
 * var secret = Totp.base32(randomBytes);                 // 20 random bytes
 * String code = Totp.code(secret, Totp.step(clock.millis()));
 * OptionalLong step = Totp.matchingStep(secret, "123456", clock.millis());
 * }</pre>
 */
public final class Totp {
  /** Seconds per code: what authenticator apps assume. */
  public static final int STEP_SECONDS = 30;
  /** Digits per code: what authenticator apps assume. */
  public static final int DIGITS = 6;
  /** One step either side is accepted, for a phone clock a little off and typing time. */
  public static final int DRIFT_STEPS = 1;
  /** 160 bits, the HMAC-SHA-1 block's natural key size (RFC 4226 asks for at least 128). */
  public static final int SECRET_BYTES = 20;

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Totp() {}

  /** The 30-second step a moment falls in. */
  public static long step(long epochMillis) {
    return Math.floorDiv(epochMillis, STEP_SECONDS * 1000L);
  }

  /** The code for one step, with leading zeros. */
  public static String code(String base32Secret, long step) {
    try {
      var mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(fromBase32(base32Secret), "HmacSHA1"));
      var hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary = ((hash[offset] & 0x7f) << 24)
          | ((hash[offset + 1] & 0xff) << 16)
          | ((hash[offset + 2] & 0xff) << 8)
          | (hash[offset + 3] & 0xff);
      var digits = Integer.toString(binary % 1_000_000);
      return "0".repeat(DIGITS - digits.length()) + digits;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
    }
  }

  /**
   * The step whose code {@code typed} is, within {@link #DRIFT_STEPS} of now, or empty. Spaces
   * are ignored; every candidate is compared in full, so timing tells nothing.
   */
  public static OptionalLong matchingStep(String base32Secret, String typed, long epochMillis) {
    var clean = typed == null ? "" : typed.replace(" ", "").strip();
    if (clean.length() != DIGITS || !clean.chars().allMatch(Character::isDigit))
      return OptionalLong.empty();
    long now = step(epochMillis);
    long found = -1;
    for (long s = now - DRIFT_STEPS; s <= now + DRIFT_STEPS; s++) {
      if (Tokens.same(code(base32Secret, s), clean) && found < 0) found = s;
    }
    return found < 0 ? OptionalLong.empty() : OptionalLong.of(found);
  }

  /** The link an authenticator app reads (typed in, or from a QR code). */
  public static String uri(String issuer, String account, String base32Secret) {
    return "otpauth://totp/" + encode(issuer) + ":" + encode(account) + "?secret=" + base32Secret
        + "&issuer=" + encode(issuer) + "&algorithm=SHA1&digits=" + DIGITS + "&period="
        + STEP_SECONDS;
  }

  public static String base32(byte[] bytes) {
    var out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
    return out.toString();
  }

  static byte[] fromBase32(String text) {
    var clean = text.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
    var out = new byte[clean.length() * 5 / 8];
    int buffer = 0;
    int bits = 0;
    int n = 0;
    for (int i = 0; i < clean.length(); i++) {
      int v = ALPHABET.indexOf(clean.charAt(i));
      if (v < 0) throw new IllegalArgumentException("not Base32: " + clean.charAt(i));
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out[n++] = (byte) (buffer >> (bits - 8));
        bits -= 8;
      }
    }
    return out;
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
