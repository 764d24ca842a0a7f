package dev.byline.delivery;

import dev.byline.config.Config;
import dev.byline.config.ConfigException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The caches named in {@code byline.properties}: {@code purge.varnish.urls} (comma-separated),
 * {@code purge.fastly.service} with {@code purge.fastly.token}, {@code purge.cloudflare.zone}
 * with {@code purge.cloudflare.token}. None is set by default. These addresses come from the
 * operator, so a Varnish on loopback or the private network is expected and allowed.
 */
final class PurgeTargets {
  static final String FASTLY_API = "https://api.fastly.com";
  static final String CLOUDFLARE_API = "https://api.cloudflare.com/client/v4";

  private PurgeTargets() {}

  static List<Target> from(Config c, Http http) {
    var targets = new ArrayList<Target>();
    for (var url : c.setting("purge.varnish.urls", "").split(",")) {
      if (url.isBlank()) continue;
      targets.add(new VarnishPurge(uri(c, "purge.varnish.urls", url.strip()), http));
    }
    var service = c.setting("purge.fastly.service");
    if (service.isPresent()) {
      targets.add(new FastlyPurge(
          uri(c, "purge.fastly.api", c.setting("purge.fastly.api", FASTLY_API)),
          service.get().strip(),
          required(c, "purge.fastly.token"),
          c.boolSetting("purge.fastly.soft", false),
          http));
    }
    var zone = c.setting("purge.cloudflare.zone");
    if (zone.isPresent()) {
      targets.add(new CloudflarePurge(
          uri(c, "purge.cloudflare.api", c.setting("purge.cloudflare.api", CLOUDFLARE_API)),
          zone.get().strip(),
          required(c, "purge.cloudflare.token"),
          http));
    }
    return targets;
  }

  private static String required(Config c, String key) {
    return c.setting(key)
        .map(String::strip)
        .orElseThrow(() -> new ConfigException(key, "must be set with the purge service"));
  }

  private static URI uri(Config c, String key, String text) {
    try {
      var uri = URI.create(text);
      if (uri.getHost() == null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())))
        throw new ConfigException(key, "must be an http or https address, not \"" + text + "\"");
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, "must be an http or https address, not \"" + text + "\"");
    }
  }
}
