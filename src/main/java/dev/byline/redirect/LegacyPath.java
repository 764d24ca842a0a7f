package dev.byline.redirect;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The normalised form of an old address, and the suffixes WordPress adds to any page it serves
 * ({@code /feed/}, {@code /page/2/}, {@code /amp/}), so one stored row answers them all.
 *
 * <pre>{@code
 * LegacyPath.of("https://old.example/2024/04/08/Ferry/")   // "/2024/04/08/ferry"
 * LegacyPath.of("/?p=123")                                  // "/?p=123"
 * }</pre>
 */
public final class LegacyPath {
  /** Longer paths are not addresses anyone linked to; they are refused before any lookup. */
  public static final int MAX_LENGTH = 1000;

  private static final Pattern PAGED = Pattern.compile("^(.+)/page/([1-9][0-9]{0,3})$");
  private static final Pattern FEED = Pattern.compile("^(.+)/feed(?:/(rss2?|rdf|atom))?$");
  private static final Pattern DROPPED =
      Pattern.compile("^(.+)/(?:amp|embed|trackback|comment-page-[0-9]+)$");

  private LegacyPath() {}

  /**
   * The stored form of an address given as a URL or a path: the path percent-decoded, in lower
   * case, without a trailing slash, and the query (if any) kept as given, in lower case. Empty
   * when the address is not one a site could have served.
   */
  public static Optional<String> of(String address) {
    if (address == null) return Optional.empty();
    var a = address.strip();
    if (a.isEmpty() || a.length() > MAX_LENGTH) return Optional.empty();
    String path;
    String query;
    try {
      var uri =
          a.startsWith("/") && !a.startsWith("//") ? URI.create("http://x" + a) : URI.create(a);
      path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      query = uri.getRawQuery();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(normalise(path, query));
  }

  /** The stored form of a request's path and raw query (as a server received them). */
  public static String normalise(String rawPath, String rawQuery) {
    var path = decode(rawPath).toLowerCase(Locale.ROOT);
    while (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
    if (path.isEmpty()) path = "/";
    if (rawQuery == null || rawQuery.isBlank()) return path;
    return path + "?" + rawQuery.strip().toLowerCase(Locale.ROOT);
  }

  /** What is left of a path once a WordPress suffix is taken off, and what the suffix asked for. */
  public record Suffixed(String base, Kind kind, int page, String feed) {}

  /** The suffixes an old site added to a page's address. */
  public enum Kind {
    PAGE,
    FEED,
    SAME
  }

  /** The path without a suffix WordPress adds to pages, when it has one. */
  public static Optional<Suffixed> withoutSuffix(String normalised) {
    var m = PAGED.matcher(normalised);
    if (m.matches()) return Optional.of(new Suffixed(m.group(1), Kind.PAGE, page(m.group(2)), ""));
    m = FEED.matcher(normalised);
    if (m.matches())
      return Optional.of(new Suffixed(
          m.group(1), Kind.FEED, 1, "atom".equals(m.group(2)) ? "atom.xml" : "rss.xml"));
    m = DROPPED.matcher(normalised);
    if (m.matches()) return Optional.of(new Suffixed(m.group(1), Kind.SAME, 1, ""));
    return Optional.empty();
  }

  private static int page(String digits) {
    return Integer.parseInt(digits);
  }

  private static String decode(String raw) {
    if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) return raw;
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw; // a broken escape is kept as sent; it simply matches nothing stored
    }
  }
}
