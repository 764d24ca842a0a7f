package dev.byline.content;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** URL slugs: lower-case ASCII words joined by hyphens. */
public final class Slugs {
  /** Long enough for a headline's gist, short enough for a tidy URL. */
  public static final int MAX_LENGTH = 80;

  private static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

  private Slugs() {}

  /** A slug made from any text: accents dropped, punctuation to hyphens, cut at a word. */
  public static String from(String text) {
    if (text == null) return "";
    var ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    var slug = NON_WORD
        .matcher(ascii.toLowerCase(Locale.ROOT).replace("'", "").replace("’", ""))
        .replaceAll("-");
    slug = trimHyphens(slug);
    if (slug.length() > MAX_LENGTH) {
      var cut = slug.lastIndexOf('-', MAX_LENGTH);
      slug = slug.substring(0, cut > 20 ? cut : MAX_LENGTH);
      slug = trimHyphens(slug);
    }
    return slug;
  }

  public static boolean isValid(String slug) {
    return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
  }

  public static void check(String field, String slug) {
    if (slug == null || slug.isEmpty()) throw new InvalidInput(field, "is empty");
    if (!isValid(slug)) {
      throw new InvalidInput(
          field,
          "may hold only a-z, 0-9 and single hyphens, at most " + MAX_LENGTH + " characters");
    }
  }

  /**
   * {@code wanted}, or when that is taken the first free numbered copy after the last taken one
   * ({@code wanted-2}, {@code wanted-3} ...), cut to fit {@link #MAX_LENGTH}.
   */
  public static String free(String wanted, Predicate<String> taken) {
    if (!taken.test(wanted)) return wanted;
    // Rather than trying each number in turn (a headline the wire repeats every hour would cost a
    // query per earlier copy), gallop to a free number, then halve back to the first free one
    // after the last taken: a few queries for any count, and independent of how the database
    // orders text.
    int used = 1;
    int unused = 2;
    while (taken.test(numbered(wanted, unused))) {
      used = unused;
      unused = unused * 2;
    }
    while (unused - used > 1) {
      int mid = used + (unused - used) / 2;
      if (taken.test(numbered(wanted, mid))) used = mid;
      else unused = mid;
    }
    return numbered(wanted, unused);
  }

  private static String numbered(String wanted, int n) {
    var suffix = "-" + n;
    var base = wanted.length() + suffix.length() > MAX_LENGTH
        ? wanted.substring(0, MAX_LENGTH - suffix.length())
        : wanted;
    return base.replaceAll("-+$", "") + suffix;
  }

  private static String trimHyphens(String s) {
    int a = 0, b = s.length();
    while (a < b && s.charAt(a) == '-') a++;
    while (b > a && s.charAt(b - 1) == '-') b--;
    return s.substring(a, b);
  }
}
