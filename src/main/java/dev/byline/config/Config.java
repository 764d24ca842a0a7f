package dev.byline.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The whole configuration, read once at start-up and passed down. The named fields are what
 * every node needs; {@link #settings()} keeps every key that was given, so a feature can read
 * its own section ({@code consent.*}, {@code wire.*}) into a record of its own.
 *
 * @param dataDir where the SQLite file, media and the search index live
 * @param port HTTP port; 0 picks a free one (tests)
 * @param baseUrl the public URL readers use, without a trailing slash; canonical links start here
 * @param databaseUrl a JDBC URL; empty means the embedded SQLite file in the data directory
 */
public record Config(
    Path dataDir,
    int port,
    String baseUrl,
    String siteName,
    Locale language,
    ZoneId timeZone,
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    Map<String, String> settings) {

  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_SITE_NAME = "The Byline Courier";

  public Config {
    if (dataDir == null) throw new ConfigException("data", "is not set");
    if (port < 0 || port > 65535) throw new ConfigException("port", "must be between 0 and 65535");
    if (baseUrl == null || baseUrl.isBlank()) baseUrl = "http://localhost:" + port;
    baseUrl = stripTrailingSlash(baseUrl.trim());
    checkBaseUrl(baseUrl);
    if (siteName == null || siteName.isBlank()) siteName = DEFAULT_SITE_NAME;
    if (language == null) language = Locale.ENGLISH;
    if (timeZone == null) timeZone = ZoneId.of("UTC");
    databaseUrl = databaseUrl == null ? "" : databaseUrl.trim();
    databaseUser = databaseUser == null ? "" : databaseUser.trim();
    databasePassword = databasePassword == null ? "" : databasePassword;
    settings = Map.copyOf(settings == null ? Map.of() : settings);
  }

  /** True when the embedded SQLite file is used. */
  public boolean embeddedDatabase() {
    return databaseUrl.isEmpty() || databaseUrl.startsWith("jdbc:sqlite:");
  }

  /** The JDBC URL in use, with the SQLite default spelled out. */
  public String jdbcUrl() {
    return databaseUrl.isEmpty()
        ? "jdbc:sqlite:" + dataDir.resolve("byline.db").toAbsolutePath()
        : databaseUrl;
  }

  /** The language tag for {@code <html lang>}, e.g. "en". */
  public String languageTag() {
    return language.toLanguageTag();
  }

  public Optional<String> setting(String key) {
    return Optional.ofNullable(settings.get(key)).filter(v -> !v.isBlank());
  }

  public String setting(String key, String fallback) {
    return setting(key).orElse(fallback);
  }

  public int intSetting(String key, int fallback) {
    var v = setting(key);
    if (v.isEmpty()) return fallback;
    try {
      return Integer.parseInt(v.get().trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "must be a whole number, not \"" + v.get() + "\"");
    }
  }

  /** A whole-number setting that must lie from {@code min} to {@code max}, both included. */
  public int intSetting(String key, int fallback, int min, int max) {
    int v = intSetting(key, fallback);
    if (v < min || v > max)
      throw new ConfigException(key, "must be from " + min + " to " + max + ", not " + v);
    return v;
  }

  public boolean boolSetting(String key, boolean fallback) {
    var v = setting(key);
    if (v.isEmpty()) return fallback;
    return switch (v.get().trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw new ConfigException(key, "must be true or false, not \"" + v.get() + "\"");
    };
  }

  /** A copy with the port the server actually bound, for tests on port 0. */
  public Config withPort(int boundPort, boolean rewriteBaseUrl) {
    var url = rewriteBaseUrl ? "http://localhost:" + boundPort : baseUrl;
    return new Config(
        dataDir,
        boundPort,
        url,
        siteName,
        language,
        timeZone,
        databaseUrl,
        databaseUser,
        databasePassword,
        settings);
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static void checkBaseUrl(String url) {
    try {
      var uri = URI.create(url);
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        throw new ConfigException(
            "base.url", "must be an absolute http(s) URL, not \"" + url + "\"");
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException("base.url", "is not a URL: " + e.getMessage());
    }
  }
}
