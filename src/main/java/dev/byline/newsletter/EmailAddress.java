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
  public static final int MAX_LENGTH = 254;

  static final int MAX_LOCAL = 64;
  private static final Pattern LOCAL =
      Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern DOMAIN =
      Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

  /** What is wrong with an address, so a page can say it in the reader's language. */
  public enum Problem {
    EMPTY("is empty"),
    TOO_LONG("is longer than " + MAX_LENGTH + " characters"),
    NOT_ONE_AT("needs one @ between a name and a domain"),
    BAD_NAME("has characters an address cannot have before the @"),
    BAD_DOMAIN("does not end in a domain such as example.org");

    private final String reason;

    Problem(String reason) {
      this.reason = reason;
    }
  }

  /** A refused address; {@link #problem()} names what is wrong. */
  public static final class Invalid extends InvalidInput {
    private final Problem problem;

    Invalid(Problem problem) {
      super("email", problem.reason);
      this.problem = problem;
    }

    public Problem problem() {
      return problem;
    }
  }

  public EmailAddress {
    if (value == null || value.isBlank()) throw new Invalid(Problem.EMPTY);
    value = value.strip().toLowerCase(Locale.ROOT);
    if (value.length() > MAX_LENGTH) throw new Invalid(Problem.TOO_LONG);
    int at = value.lastIndexOf('@');
    if (at < 1 || value.indexOf('@') != at) throw new Invalid(Problem.NOT_ONE_AT);
    var local = value.substring(0, at);
    var domain = value.substring(at + 1);
    if (local.length() > MAX_LOCAL || !LOCAL.matcher(local).matches())
      throw new Invalid(Problem.BAD_NAME);
    if (!DOMAIN.matcher(domain).matches()) throw new Invalid(Problem.BAD_DOMAIN);
  }

  @Override
  public String toString() {
    return value;
  }
}
