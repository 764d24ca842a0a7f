package dev.byline.wire;

import dev.byline.config.Config;
import dev.byline.config.ConfigException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The configured sources, read once from {@code wire.*} settings:
 *
 * <pre>
 * wire.sources=reuters,ap
 * wire.source.reuters.name=Reuters
 * wire.source.reuters.feed.url=https://feeds.example/reuters.xml
 * wire.source.reuters.push.token=long-random-secret
 * wire.source.reuters.pictures.hosts=*.reuters.com
 * wire.source.reuters.rule.1=politics -> world, topic Politics, publish
 * </pre>
 */
public final class WireSources {
  /** Polling more often than this is unkind to agencies' servers. */
  public static final int MIN_FEED_SECONDS = 10;

  private final Map<String, WireSource> byName;
  private final int maxFileBytes;
  private final int batchSize;
  private final long scanMillis;
  private final long maxUnpackedBytes;

  private WireSources(
      Map<String, WireSource> byName,
      int maxFileBytes,
      int batchSize,
      long scanMillis,
      long maxUnpackedBytes) {
    this.byName = byName;
    this.maxFileBytes = maxFileBytes;
    this.batchSize = batchSize;
    this.scanMillis = scanMillis;
    this.maxUnpackedBytes = maxUnpackedBytes;
  }

  public static WireSources from(Config config) {
    var out = new LinkedHashMap<String, WireSource>();
    var list = config.setting("wire.sources", "");
    for (var raw : list.split(",")) {
      var name = raw.strip();
      if (name.isEmpty()) continue;
      if (!name.matches("[a-z0-9][a-z0-9-]{0,39}")) {
        throw new ConfigException(
            "wire.sources", "\"" + name + "\" must be lower-case letters, digits and dashes");
      }
      out.put(name, source(config, name));
    }
    int maxMb = config.intSetting("wire.max.file.mb", WireFormats.DEFAULT_MAX_BYTES / 1024 / 1024);
    int batch = config.intSetting("wire.batch.size", 200);
    if (batch < 1) throw new ConfigException("wire.batch.size", "must be 1 or more");
    int unpackedMb =
        config.intSetting("wire.import.max.unpacked.mb", ArchiveExtractor.DEFAULT_MAX_UNPACKED_MB);
    if (unpackedMb < 1)
      throw new ConfigException("wire.import.max.unpacked.mb", "must be 1 or more");
    return new WireSources(
        out,
        maxMb * 1024 * 1024,
        batch,
        config.intSetting("wire.scan.millis", 250),
        (long) unpackedMb * 1024 * 1024);
  }

  private static WireSource source(Config c, String name) {
    var p = "wire.source." + name + ".";
    var folder =
        c.setting(p + "folder").map(Path::of).orElse(c.dataDir().resolve("wire").resolve(name));
    URI feed = null;
    var url = c.setting(p + "feed.url");
    if (url.isPresent()) {
      try {
        feed = URI.create(url.get().strip());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(p + "feed.url", "is not a URL: " + e.getMessage());
      }
      if (feed.getScheme() == null
          || !feed.getScheme().matches("https?")
          || feed.getHost() == null) {
        throw new ConfigException(p + "feed.url", "must be an http(s) URL");
      }
    }
    int seconds = c.intSetting(p + "feed.interval.seconds", 300);
    if (seconds < MIN_FEED_SECONDS)
      throw new ConfigException(
          p + "feed.interval.seconds", "must be at least " + MIN_FEED_SECONDS);
    var token = c.setting(p + "push.token", "");
    if (!token.isEmpty() && token.length() < 16)
      throw new ConfigException(p + "push.token", "must be at least 16 characters");
    var hosts = Arrays.stream(c.setting(p + "pictures.hosts", "").split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
    var rules = new ArrayList<Rule>();
    var ruleKeys = new TreeMap<Integer, String>();
    for (var key : c.settings().keySet()) {
      if (key.startsWith(p + "rule.")) {
        var n = key.substring((p + "rule.").length());
        if (!n.matches("\\d{1,4}"))
          throw new ConfigException(key, "rules are numbered: " + p + "rule.1, " + p + "rule.2, …");
        ruleKeys.put(Integer.parseInt(n), key);
      }
    }
    for (var key : ruleKeys.values()) rules.add(Rule.parse(key, c.settings().get(key)));
    var publish = c.setting(p + "publish", "inbox").strip();
    if (!publish.equals("inbox") && !publish.equals("auto"))
      throw new ConfigException(p + "publish", "must be inbox or auto");
    return new WireSource(
        name,
        c.setting(p + "name", WireSource.displayNameOf(name)),
        folder,
        feed,
        Duration.ofSeconds(seconds),
        token,
        hosts,
        c.boolSetting(p + "pictures.allow.private", false),
        (long) c.intSetting(p + "pictures.max.mb", 25) * 1024 * 1024,
        publish.equals("auto"),
        c.setting(p + "section", ""),
        rules,
        zone(c, p + "zone"));
  }

  private static java.time.ZoneId zone(Config c, String key) {
    var v = c.setting(key);
    if (v.isEmpty()) return c.timeZone();
    try {
      return java.time.ZoneId.of(v.get().strip());
    } catch (java.time.DateTimeException e) {
      throw new ConfigException(
          key, "is not a time zone such as Europe/London: \"" + v.get() + "\"");
    }
  }

  public List<WireSource> all() {
    return List.copyOf(byName.values());
  }

  public Optional<WireSource> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The configured source, or a plain one with defaults (for imports under any name). */
  public WireSource orDefault(String name, Path dataDir, java.time.ZoneId zone) {
    return byName.getOrDefault(
        name, WireSource.simple(name, dataDir.resolve("wire").resolve(name), zone));
  }

  public int maxFileBytes() {
    return maxFileBytes;
  }

  /** The most an archive given to {@code byline import} may unpack to, in bytes. */
  public long maxUnpackedBytes() {
    return maxUnpackedBytes;
  }

  public int batchSize() {
    return batchSize;
  }

  public long scanMillis() {
    return scanMillis;
  }
}
