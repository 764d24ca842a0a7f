package dev.byline.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an API key may change. Reading published content needs no scope; a key with none only
 * raises the reader's rate limit.
 */
public enum ApiScope {
  ARTICLES_WRITE("articles:write"),
  ARTICLES_PUBLISH("articles:publish"),
  IMAGES_WRITE("images:write");

  private final String value;

  ApiScope(String value) {
    this.value = value;
  }

  /** The name callers and the admin pages use, e.g. {@code articles:write}. */
  public String value() {
    return value;
  }

  public static Optional<ApiScope> parse(String value) {
    var v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.value.equals(v)).findFirst();
  }
}
