package dev.byline.newsletter;

import java.util.Optional;

/**
 * The signed links in mails. A confirmation link carries the subscriber's id and one-time nonce,
 * signed; an unsubscribe link carries the id, signed with the subscriber's own key as well, so it
 * works for as long as they are on the list and for nobody else. Tokens are URL-safe.
 */
final class Links {
  static final String CONFIRM_PATH = "/newsletter/confirm";
  static final String UNSUBSCRIBE_PATH = "/newsletter/unsubscribe";

  /** A confirmation token, checked. */
  record Confirmation(long subscriberId, String nonce) {}

  private final String secret;
  private final String baseUrl;

  Links(String secret, String baseUrl) {
    this.secret = secret;
    this.baseUrl = baseUrl;
  }

  String confirmUrl(long id, String nonce) {
    return baseUrl + CONFIRM_PATH + "?t=" + id + "." + nonce + "."
        + Hashes.hmac(secret, "confirm." + id + "." + nonce);
  }

  Optional<Confirmation> confirmation(String token) {
    var parts = token == null ? new String[0] : token.split("\\.", -1);
    if (parts.length != 3) return Optional.empty();
    var id = id(parts[0]);
    if (id.isEmpty()) return Optional.empty();
    var expected = Hashes.hmac(secret, "confirm." + id.get() + "." + parts[1]);
    return Hashes.same(expected, parts[2])
        ? Optional.of(new Confirmation(id.get(), parts[1]))
        : Optional.empty();
  }

  String unsubscribeUrl(long id, String key) {
    return baseUrl + UNSUBSCRIBE_PATH + "?t=" + unsubscribeToken(id, key);
  }

  String unsubscribeToken(long id, String key) {
    return id + "." + Hashes.hmac(secret, "unsubscribe." + id + "." + key);
  }

  /** The subscriber id a token names, before its signature is checked against their key. */
  static Optional<Long> unsubscribeId(String token) {
    var parts = token == null ? new String[0] : token.split("\\.", -1);
    return parts.length == 2 ? id(parts[0]) : Optional.empty();
  }

  boolean unsubscribeValid(String token, long id, String key) {
    return Hashes.same(unsubscribeToken(id, key), token);
  }

  private static Optional<Long> id(String text) {
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit))
      return Optional.empty();
    return Optional.of(Long.parseLong(text));
  }
}
