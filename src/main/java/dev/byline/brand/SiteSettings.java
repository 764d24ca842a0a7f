package dev.byline.brand;

import dev.byline.content.InvalidInput;
import dev.byline.store.SurrogateKey;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One revision of the site's settings. Checks itself: a record that exists is valid, colours
 * included (WCAG AA, see {@link Contrast}). Images are photo-desk ids, null for the built-in one
 * (or none).
 *
 * @param logo the logo on light backgrounds; null for the built-in logo
 * @param logoDark the logo shown when the reader's system prefers a dark scheme; null for {@code logo}
 * @param favicon the browser-tab icon; null for the built-in icon
 * @param faviconFallback a raster icon for browsers that cannot show an SVG favicon, offered
 *     beside one; null for none
 * @param socialImage the og:image of pages that have none of their own; null for none
 * @param sameAs the newsroom's profiles elsewhere (social networks, Wikipedia), absolute http(s)
 * @param language a BCP-47 tag from {@link #LANGUAGES}, written into {@code <html lang>}
 */
public record SiteSettings(
    String name,
    String tagline,
    Long logo,
    Long logoDark,
    Long favicon,
    Long faviconFallback,
    Colour accent,
    Colour link,
    Long socialImage,
    List<String> sameAs,
    Publisher publisher,
    String footer,
    String timeZone,
    String language) {
  /** The languages the site can declare; the site's words come in these. */
  public static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "ar");
  /** The built-in stylesheet's colours. */
  public static final Colour DEFAULT_ACCENT = new Colour("#c8102e");

  public static final Colour DEFAULT_LINK = new Colour("#0b4f8a");
  static final int MAX_NAME = 80;
  static final int MAX_TAGLINE = 160;
  static final int MAX_FOOTER = 600;
  static final int MAX_PROFILES = 12;

  public SiteSettings {
    name = text("name", name, MAX_NAME);
    if (name.isEmpty()) throw new InvalidInput("name", "is empty");
    tagline = text("tagline", tagline, MAX_TAGLINE);
    footer = text("footer", footer, MAX_FOOTER);
    accent = accent == null ? DEFAULT_ACCENT : accent;
    link = link == null ? DEFAULT_LINK : link;
    Contrast.check(accent, link);
    sameAs = profiles(sameAs);
    publisher = publisher == null ? Publisher.NONE : publisher;
    timeZone = zone(timeZone);
    language = language == null ? "" : language.strip();
    if (!LANGUAGES.contains(language))
      throw new InvalidInput("language", "must be one of " + String.join(", ", LANGUAGES));
  }

  /** The settings of a site nobody has changed yet: its configured name, zone and language. */
  public static SiteSettings defaults(String name, ZoneId zone, String language) {
    return new SiteSettings(
        name,
        "",
        null,
        null,
        null,
        null,
        DEFAULT_ACCENT,
        DEFAULT_LINK,
        null,
        List.of(),
        Publisher.NONE,
        "",
        zone.getId(),
        primary(language));
  }

  /** The configured language's own entry in the list, else its primary language's, else English. */
  private static String primary(String tag) {
    if (LANGUAGES.contains(tag)) return tag;
    var lang = java.util.Locale.forLanguageTag(tag == null ? "" : tag).getLanguage();
    return LANGUAGES.contains(lang) ? lang : "en";
  }

  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }

  /**
   * The surrogate keys of the pages that show what differs between {@code before} and these
   * settings (see {@link SurrogateKey#CHROME}, {@link SurrogateKey#PUBLISHER} and {@link
   * SurrogateKey#SOCIAL_IMAGE}); empty when nothing changed.
   */
  public Set<String> keysChangedSince(SiteSettings before) {
    var keys = new LinkedHashSet<String>();
    if (!Objects.equals(name, before.name)
        || !Objects.equals(tagline, before.tagline)
        || !Objects.equals(logo, before.logo)
        || !Objects.equals(logoDark, before.logoDark)
        || !Objects.equals(favicon, before.favicon)
        || !Objects.equals(faviconFallback, before.faviconFallback)
        || !accent.equals(before.accent)
        || !link.equals(before.link)
        || !footer.equals(before.footer)
        || !timeZone.equals(before.timeZone)
        || !language.equals(before.language)) keys.add(SurrogateKey.CHROME);
    // The publisher's name and logo are in structured data too; those pages show the chrome.
    if (!publisher.equals(before.publisher)
        || !sameAs.equals(before.sameAs)
        || !Objects.equals(name, before.name)
        || !Objects.equals(logo, before.logo)) keys.add(SurrogateKey.PUBLISHER);
    if (!Objects.equals(socialImage, before.socialImage)) keys.add(SurrogateKey.SOCIAL_IMAGE);
    return keys;
  }

  private static String text(String field, String value, int max) {
    var v = value == null ? "" : value.strip();
    if (v.length() > max) throw new InvalidInput(field, "is longer than " + max + " characters");
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
        throw new InvalidInput(field, "contains a control character");
    }
    return v;
  }

  private static List<String> profiles(List<String> urls) {
    if (urls == null) return List.of();
    var kept =
        urls.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    if (kept.size() > MAX_PROFILES)
      throw new InvalidInput("sameAs", "lists more than " + MAX_PROFILES + " profiles");
    for (var u : kept) {
      if (u.startsWith("/"))
        throw new InvalidInput("sameAs", "“" + u + "” must be a full address such as https://…");
      Publisher.url("sameAs", u);
    }
    return kept;
  }

  private static String zone(String id) {
    var v = id == null ? "" : id.strip();
    try {
      return ZoneId.of(v).getId();
    } catch (DateTimeException e) {
      throw new InvalidInput("timeZone", "“" + v + "” is not a time zone such as Europe/Berlin");
    }
  }
}
