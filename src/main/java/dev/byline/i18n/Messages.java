package dev.byline.i18n;

import dev.byline.content.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The words readers see, in one language, looked up by key. Templates get one through the view
 * they render ({@code chrome.t()}), never from a global.
 *
 * <pre>{@code
 * var t = Messages.of(Locale.forLanguageTag("de"));
 * t.text("search.title");                 // "Suche"
 * t.plural("live.new", 3);                // "3 neue Meldungen"
 * t.text("list.latest.from", "Welt");      // "Das Neueste aus Welt."
 * }</pre>
 *
 * <p>A bundle is loaded whole and checked at start-up: a language whose bundle lacks one of
 * English's keys, or a plural form its rules need, is refused then, not shown as a raw key to a
 * reader. Asking for a key English does not have is a bug and throws {@link MissingMessage}.
 *
 * <p>Placeholders are {@code {0}}, {@code {1}}, ... replaced as they are (no {@code
 * java.text.MessageFormat}, whose apostrophe quoting would eat French and Spanish apostrophes).
 * Numbers are written with the language's grouping and Latin digits, as the dates are.
 */
public final class Messages {
  /** The languages with a bundle, English first (the reference every other is checked against). */
  public static final List<String> SHIPPED = List.of("en", "de", "fr", "es", "ar");

  private static final List<String> PLURAL_SUFFIXES =
      List.of(".zero", ".one", ".two", ".few", ".many", ".other");

  private final Locale locale;
  private final String language;
  private final Map<String, String> texts;

  private Messages(Locale locale, String language, Map<String, String> texts) {
    this.locale = locale;
    this.language = language;
    this.texts = texts;
  }

  /**
   * The bundle for {@code locale}'s language ({@code en-GB} reads the {@code en} bundle and keeps
   * {@code en-GB} for {@code <html lang>} and dates).
   *
   * @throws UnknownLanguage if no bundle is shipped for it
   * @throws IllegalStateException if the bundle lacks a key or plural form English has
   */
  public static Messages of(Locale locale) {
    // The bundles never change while the process runs; start-up and every language switch ask
    // for the same few, so each is read and checked once.
    return LOADED.computeIfAbsent(locale.toLanguageTag(), tag -> load(locale));
  }

  private static final java.util.concurrent.ConcurrentHashMap<String, Messages> LOADED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static Messages load(Locale locale) {
    var language = locale.getLanguage();
    if (!SHIPPED.contains(language)) throw new UnknownLanguage(locale.toLanguageTag());
    var texts = bundle(language);
    var missing = missingFrom(language, texts);
    if (!missing.isEmpty())
      throw new IllegalStateException("i18n/messages_" + language + ".properties lacks "
          + missing.size() + " key(s): " + missing);
    return new Messages(locale, language, Map.copyOf(texts));
  }

  /** A bundle's entries as stored, for checks. */
  public static Map<String, String> bundle(String language) {
    var resource = "i18n/messages_" + language + ".properties";
    try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new UnknownLanguage(language);
      var props = new Properties();
      props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      var out = new TreeMap<String, String>();
      props.forEach((k, v) -> out.put(k.toString(), v.toString()));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(resource + " cannot be read", e);
    }
  }

  /**
   * The keys {@code language}'s bundle should have but does not: each of English's plain keys, and
   * for each plural key of English every form the language's rules pick for some count.
   */
  public static List<String> missingFrom(String language, Map<String, String> texts) {
    var missing = new ArrayList<String>();
    var plurals = new java.util.TreeSet<String>();
    for (var key : bundle("en").keySet()) {
      var base = pluralBase(key);
      if (base != null) plurals.add(base);
      else if (!texts.containsKey(key)) missing.add(key);
    }
    for (var base : plurals) {
      for (var form : formsUsed(language)) {
        var key = base + "." + form.suffix();
        if (!texts.containsKey(key)) missing.add(key);
      }
    }
    return missing;
  }

  /** The plural categories a language's rule yields for counts a page can show. */
  static Set<Plural> formsUsed(String language) {
    var forms = java.util.EnumSet.noneOf(Plural.class);
    for (long n = 0; n <= 1000; n++) forms.add(Plural.of(language, n));
    forms.add(Plural.of(language, 1_000_000));
    return forms;
  }

  private static String pluralBase(String key) {
    for (var suffix : PLURAL_SUFFIXES)
      if (key.endsWith(suffix)) return key.substring(0, key.length() - suffix.length());
    return null;
  }

  /** The text for {@code key} with {@code {0}}, {@code {1}}, ... replaced by {@code args}. */
  public String text(String key, Object... args) {
    var pattern = texts.get(key);
    if (pattern == null) throw new MissingMessage(key, language);
    return fill(pattern, args);
  }

  /**
   * The plural form of {@code key} for {@code count} ({@code key.one}, {@code key.other}, ...),
   * with {@code {0}} the count and {@code {1}}, ... the further {@code args}.
   */
  public String plural(String key, long count, Object... args) {
    var form = Plural.of(language, count);
    var pattern = texts.get(key + "." + form.suffix());
    if (pattern == null) pattern = texts.get(key + ".other");
    if (pattern == null) throw new MissingMessage(key + "." + form.suffix(), language);
    var all = new Object[args.length + 1];
    all[0] = count;
    System.arraycopy(args, 0, all, 1, args.length);
    return fill(pattern, all);
  }

  /** Every entry whose key starts with {@code prefix}, for scripts that show words of their own. */
  public Map<String, String> startingWith(String prefix) {
    var out = new TreeMap<String, String>();
    texts.forEach((k, v) -> {
      if (k.startsWith(prefix)) out.put(k, v);
    });
    return out;
  }

  private String fill(String pattern, Object[] args) {
    if (args.length == 0) return pattern;
    var out = pattern;
    for (int i = 0; i < args.length; i++) {
      var a = args[i];
      var s = a instanceof Number n ? number(n) : String.valueOf(a);
      out = out.replace("{" + i + "}", s);
    }
    return out;
  }

  private String number(Number n) {
    // Latin digits in every language, like the dates java.time writes.
    return NumberFormat.getIntegerInstance(new Locale.Builder()
            .setLocale(locale)
            .setUnicodeLocaleKeyword("nu", "latn")
            .build())
        .format(n);
  }

  /** The BCP 47 tag for {@code <html lang>}, e.g. {@code "de"} or {@code "en-GB"}. */
  public String lang() {
    return locale.toLanguageTag();
  }

  /** {@code "rtl"} or {@code "ltr"}, for {@code <html dir>}. */
  public String dir() {
    return isRightToLeft(language) ? "rtl" : "ltr";
  }

  /** Written right to left: the page gets {@code dir="rtl"} and the CSS mirrors. */
  public static boolean isRightToLeft(String language) {
    return Language.isRightToLeft(language);
  }

  /** The bundle's language, e.g. {@code "en"} for {@code en-GB}. */
  public String language() {
    return language;
  }

  public Locale locale() {
    return locale;
  }

  /** Asked for a key no bundle has: a bug in a template or page class. */
  public static final class MissingMessage extends IllegalStateException {
    MissingMessage(String key, String language) {
      super("no message \"" + key + "\" in i18n/messages_" + language + ".properties");
    }
  }

  /** A language with no bundle. */
  public static final class UnknownLanguage extends IllegalArgumentException {
    UnknownLanguage(String tag) {
      super(
          "has no translation for \"" + tag + "\"; the site speaks " + String.join(", ", SHIPPED));
    }
  }
}
