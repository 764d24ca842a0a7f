package dev.byline.content;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The language a story is written in, as a BCP 47 tag: an ISO 639-1 language with an optional
 * region, e.g. {@code en}, {@code de}, {@code ar}, {@code pt-BR}. A story without one is in the
 * site's language; this type only speaks for stories that say otherwise.
 *
 * <pre>{@code
 * Language.tag("language", "pt-br");   // "pt-BR"
 * Language.tag("language", "");        // null: the site's language
 * Language.tag("language", "klingon"); // InvalidInput naming "language"
 * }</pre>
 */
public final class Language {
  /** Language, then an optional region: two letters (ISO 3166-1) or three digits (UN M.49). */
  private static final Pattern SHAPE =
      Pattern.compile("([A-Za-z]{2})(?:[-_]([A-Za-z]{2}|[0-9]{3}))?");

  private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
  private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

  /** Written right to left: a page in one gets {@code dir="rtl"}. */
  private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he", "fa", "ur");

  /**
   * A language an editor is likely to pick, named in itself so that a reader of that language
   * finds it whatever the admin's own language.
   */
  public record Choice(String tag, String name) {}

  /** The languages the editor offers by name; any other valid tag still round-trips. */
  public static final List<Choice> COMMON = List.of(
      new Choice("ar", "العربية"),
      new Choice("zh", "中文"),
      new Choice("da", "Dansk"),
      new Choice("de", "Deutsch"),
      new Choice("en", "English"),
      new Choice("es", "Español"),
      new Choice("fa", "فارسی"),
      new Choice("fr", "Français"),
      new Choice("he", "עברית"),
      new Choice("hi", "हिन्दी"),
      new Choice("it", "Italiano"),
      new Choice("ja", "日本語"),
      new Choice("nl", "Nederlands"),
      new Choice("nb", "Norsk bokmål"),
      new Choice("pl", "Polski"),
      new Choice("pt", "Português"),
      new Choice("pt-BR", "Português (Brasil)"),
      new Choice("ru", "Русский"),
      new Choice("sv", "Svenska"),
      new Choice("tr", "Türkçe"),
      new Choice("uk", "Українська"),
      new Choice("ur", "اردو"));

  /** Longest tag stored: a language, a hyphen and a three-digit region. */
  public static final int MAX_LENGTH = 6;

  private Language() {}

  /**
   * The tag in its usual case ({@code pt-BR}), or null for blank (the site's language).
   *
   * @throws InvalidInput naming {@code field} when it is not a known language with an optional
   *     region
   */
  public static String tag(String field, String value) {
    if (value == null || value.isBlank()) return null;
    var v = value.strip();
    var m = SHAPE.matcher(v);
    var language = m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : "";
    if (!LANGUAGES.contains(language))
      throw new InvalidInput(
          field,
          "\"" + shorten(v)
              + "\" is not a known language; give an ISO 639-1 code with an optional region,"
              + " such as en, de, ar or pt-BR");
    var region = m.group(2);
    if (region == null) return language;
    region = region.toUpperCase(Locale.ROOT);
    if (Character.isLetter(region.charAt(0)) && !REGIONS.contains(region))
      throw new InvalidInput(
          field,
          "\"" + shorten(v)
              + "\" names no known region; give an ISO 3166 country code after the language,"
              + " such as pt-BR or en-GB");
    return language + "-" + region;
  }

  /**
   * The tag in its usual case when {@code value} is one this type accepts, else null: for input
   * that is not refused over its language (a wire item that says {@code eng} or {@code
   * x-default} is still a story, then in the site's language).
   */
  public static String orNull(String value) {
    try {
      return tag("language", value);
    } catch (InvalidInput e) {
      return null;
    }
  }

  /** True for a tag whose language is written right to left ({@code ar}, {@code he-IL}). */
  public static boolean isRightToLeft(String tag) {
    if (tag == null || tag.length() < 2) return false;
    return RIGHT_TO_LEFT.contains(tag.substring(0, 2).toLowerCase(Locale.ROOT));
  }

  /** {@code "rtl"} or {@code "ltr"} for a tag, or null for none: an HTML {@code dir} to omit. */
  public static String dir(String tag) {
    if (tag == null || tag.isEmpty()) return null;
    return isRightToLeft(tag) ? "rtl" : "ltr";
  }

  /**
   * {@code tag} when it names another language than {@code language}, else null: for marking a
   * story's words inside a page in {@code language} only where a reader's voice must switch.
   */
  public static String otherThan(String tag, String language) {
    if (tag == null || language == null) return tag;
    return primary(tag).equalsIgnoreCase(primary(language)) ? null : tag;
  }

  /** The language alone, e.g. {@code pt} for {@code pt-BR}. */
  public static String primary(String tag) {
    return tag.length() <= 2 ? tag : tag.substring(0, 2);
  }

  private static String shorten(String v) {
    return v.length() <= 20 ? v : v.substring(0, 20) + "…";
  }
}
