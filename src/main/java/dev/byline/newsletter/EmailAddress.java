package dev.byline.newsletter;

import dev.byline.content.InvalidInput;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A reader's address as a form gives it, checked and lower-cased. Deliberately stricter than RFC
 * 5322: no quoted local parts, comments or address literals, nothing that could put a second
 * header or recipient into a mail, and an ASCII domain with a dot.
 */
public record EmailAddress(String value) {
  /** RFC 5321's limit on a forward path. */
  static final int MAX_LENGTH = 254;

  static final int MAX_LOCAL = 64;
  private static final Pattern LOCAL =
      Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern DOMAIN =
      Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

  public EmailAddress {
    if (value == null || value.isBlank()) throw new InvalidInput("email", "is empty");
    value = value.strip().toLowerCase(Locale.ROOT);
    if (value.length() > MAX_LENGTH)
      throw new InvalidInput("email", "is longer than " + MAX_LENGTH + " characters");
    int at = value.lastIndexOf('@');
    if (at < 1 || value.indexOf('@') != at)
      throw new InvalidInput("email", "needs one @ between a name and a domain");
    var local = value.substring(0, at);
    var domain = value.substring(at + 1);
    if (local.length() > MAX_LOCAL || !LOCAL.matcher(local).matches())
      throw new InvalidInput("email", "has characters an address cannot have before the @");
    if (!DOMAIN.matcher(domain).matches())
      throw new InvalidInput("email", "does not end in a domain such as example.org");
  }

  @Override
  public String toString() {
    return value;
  }
}
