package dev.byline.wire;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * One agency feed as configured: where its files land, where to poll, how it may push, where
 * its pictures may come from, and what the desk does with its items.
 *
 * @param name the key used in configuration and URLs ("reuters")
 * @param displayName the agency as readers see it on articles ("Reuters")
 * @param folder the drop folder; processed files go to {@code archive/}, failures to {@code quarantine/}
 * @param feedUrl an RSS, Atom, ninjs or NewsML URL to poll; null for none
 * @param pushToken the secret an agency sends to push items; empty disables pushing
 * @param pictureHosts hosts pictures may be fetched from ("*.reuters.com" allows sub-domains)
 * @param allowPrivateHosts let pictures come from private or loopback addresses (tests, intranets)
 * @param autoPublish publish every usable item at once unless a rule says otherwise
 * @param section the default section slug for what this source publishes; empty for none
 * @param zone the zone for dates the agency sends without one
 */
public record WireSource(
    String name,
    String displayName,
    Path folder,
    URI feedUrl,
    Duration feedInterval,
    String pushToken,
    List<String> pictureHosts,
    boolean allowPrivateHosts,
    long maxPictureBytes,
    boolean autoPublish,
    String section,
    List<Rule> rules,
    ZoneId zone) {

  public WireSource {
    pictureHosts = List.copyOf(pictureHosts);
    rules = List.copyOf(rules);
  }

  /** A source with defaults only, as used by {@code byline import} when the name is not configured. */
  public static WireSource simple(String name, Path folder, ZoneId zone) {
    return new WireSource(
        name,
        displayNameOf(name),
        folder,
        null,
        Duration.ofMinutes(5),
        "",
        List.of(),
        false,
        25L * 1024 * 1024,
        false,
        "",
        List.of(),
        zone);
  }

  /** True when pictures may be fetched from this host. */
  public boolean allowsHost(String host) {
    if (host == null) return false;
    var h = host.toLowerCase(Locale.ROOT);
    for (var allowed : pictureHosts) {
      var a = allowed.toLowerCase(Locale.ROOT).strip();
      if (a.equals("*")
          || a.equals(h)
          || a.startsWith("*.") && (h.endsWith(a.substring(1)) || h.equals(a.substring(2))))
        return true;
    }
    return false;
  }

  /** The first rule that matches the item, if any. */
  public Rule ruleFor(WireItem item) {
    for (var r : rules) if (r.matches(item)) return r;
    return null;
  }

  static String displayNameOf(String name) {
    if (name.isEmpty()) return name;
    return name.length() <= 3
        ? name.toUpperCase(Locale.ROOT)
        : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
