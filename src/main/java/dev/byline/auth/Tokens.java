package dev.byline.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random tokens and their hashes. 32 random bytes: unguessable for any session's lifetime. */
public final class Tokens {
  static final int TOKEN_BYTES = 32;
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private final SecureRandom random = new SecureRandom();

  public String newToken() {
    var bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return URL.encodeToString(bytes);
  }

  /** A password a person can type: 16 letters and digits, without look-alikes, in groups of four. */
  public String newPassword() {
    var alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    var out = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) out.append('-');
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  public static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The CSRF token that goes with a session (or anonymous) token. Derived, not stored: only the
   * holder of the cookie can compute it, and any node can check it.
   */
  public static String csrfFor(String token) {
    return sha256("csrf:" + token).substring(0, 43);
  }

  /** Compares in time independent of where the strings differ. */
  public static boolean same(String a, String b) {
    if (a == null || b == null) return false;
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
