package dev.byline.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads configuration from three layers: a properties file, environment variables and
 * command-line flags. Flags win over the environment, the environment over the file.
 *
 * <p>Keys are dotted ({@code site.name}); the environment spells them {@code BYLINE_SITE_NAME}.
 * The file is {@code byline.properties} in the data directory unless {@code --config} names one.
 */
public final class ConfigLoader {
  public static final String FILE_NAME = "byline.properties";
  public static final String ENV_PREFIX = "BYLINE_";

  private final Map<String, String> environment;

  public ConfigLoader(Map<String, String> environment) {
    this.environment = environment;
  }

  /**
   * @param flags keys given on the command line (already dotted), only those the user typed
   * @param configFile an explicit file, or null for the default place
   */
  public Config load(Map<String, String> flags, Path configFile) {
    var fromEnv = environmentSettings();
    var dataDir = Path.of(first("data", flags, fromEnv, Map.of(), "./data"));
    var file = configFile != null ? configFile : dataDir.resolve(FILE_NAME);
    if (configFile != null && !Files.isRegularFile(configFile)) {
      throw new ConfigException("config", "file " + configFile + " does not exist");
    }
    var fromFile = readFile(file);

    var merged = new HashMap<String, String>(fromFile);
    merged.putAll(fromEnv);
    merged.putAll(flags);
    // The data directory cannot come from the file that lives inside it.
    merged.put("data", dataDir.toString());

    return new Config(
        dataDir,
        parsePort(merged.getOrDefault("port", String.valueOf(Config.DEFAULT_PORT))),
        merged.get("base.url"),
        merged.get("site.name"),
        // site.language; "language" is its older name, still read.
        parseLanguage(merged.getOrDefault("site.language", merged.get("language"))),
        parseZone(merged.get("time.zone")),
        merged.get("database.url"),
        merged.get("database.user"),
        merged.get("database.password"),
        merged);
  }

  private Map<String, String> environmentSettings() {
    var out = new HashMap<String, String>();
    environment.forEach((name, value) -> {
      if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
        out.put(
            name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
      }
    });
    return out;
  }

  private static String first(
      String key,
      Map<String, String> a,
      Map<String, String> b,
      Map<String, String> c,
      String fallback) {
    if (a.containsKey(key)) return a.get(key);
    if (b.containsKey(key)) return b.get(key);
    return c.getOrDefault(key, fallback);
  }

  private static Map<String, String> readFile(Path file) {
    if (!Files.isRegularFile(file)) return Map.of();
    var props = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("config", "file " + file + " cannot be read: " + e.getMessage());
    }
    var out = new HashMap<String, String>();
    props.forEach((k, v) -> out.put(k.toString().trim(), v.toString().trim()));
    return out;
  }

  private static int parsePort(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException("port", "must be a number, not \"" + value + "\"");
    }
  }

  private static Locale parseLanguage(String value) {
    if (value == null || value.isBlank()) return Locale.ENGLISH;
    try {
      return new Locale.Builder().setLanguageTag(value.trim()).build();
    } catch (IllformedLocaleException e) {
      throw new ConfigException(
          "site.language", "is not a language tag like \"en\" or \"en-GB\": " + value);
    }
  }

  private static ZoneId parseZone(String value) {
    if (value == null || value.isBlank()) return ZoneId.of("UTC");
    try {
      return ZoneId.of(value.trim());
    } catch (DateTimeException e) {
      throw new ConfigException("time.zone", "is not a time zone like \"Europe/London\": " + value);
    }
  }
}
