package dev.byline.migrate;

import java.net.URI;
import java.util.Locale;

/** The name a migrated site goes by in Byline's records: its address without a trailing slash. */
final class Origins {
  private Origins() {}

  static String of(String baseUrl) {
    if (baseUrl == null || baseUrl.isBlank()) return "";
    try {
      var uri = URI.create(baseUrl.strip());
      if (uri.getHost() == null) return baseUrl.strip();
      var path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
      return (uri.getScheme() == null ? "https" : uri.getScheme().toLowerCase(Locale.ROOT)) + "://"
          + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
          + path;
    } catch (IllegalArgumentException e) {
      return baseUrl.strip();
    }
  }

  /** The path (and query) of an address on the old site; empty for another site's address. */
  static String pathOf(String url, String origin) {
    if (url == null || url.isBlank()) return "";
    try {
      var uri = URI.create(url.strip());
      if (uri.getHost() != null && !origin.isEmpty()) {
        var host = URI.create(origin).getHost();
        if (host != null && !stripWww(uri.getHost()).equalsIgnoreCase(stripWww(host))) return "";
      }
      var path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String stripWww(String host) {
    return host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
  }
}
