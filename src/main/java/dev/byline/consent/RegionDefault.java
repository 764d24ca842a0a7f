package dev.byline.consent;

import dev.byline.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A Google Consent Mode default for some regions: the consent types granted there before the
 * reader chooses (all others stay denied). Configured as
 * {@code consent.google.regions=US-CA,US-VA: analytics_storage; BR: analytics_storage, ad_storage}.
 *
 * @param regions ISO 3166-1 alpha-2 countries or ISO 3166-2 subdivisions, e.g. {@code US-CA}
 * @param granted Google consent types granted by default in those regions
 */
public record RegionDefault(List<String> regions, Set<String> granted) {
  public static final String KEY = "consent.google.regions";
  /** The types a reader's choice controls; {@code security_storage} is always granted. */
  public static final List<String> TYPES = List.of(
      "ad_storage",
      "ad_user_data",
      "ad_personalization",
      "analytics_storage",
      "functionality_storage",
      "personalization_storage");

  public RegionDefault {
    regions = List.copyOf(regions);
    granted = Set.copyOf(granted);
    if (regions.isEmpty()) throw new ConfigException(KEY, "has an entry without regions");
    for (var r : regions) {
      if (!r.matches("[A-Z]{2}(-[A-Z0-9]{1,3})?")) {
        throw new ConfigException(
            KEY, "region \"" + r + "\" is not an ISO 3166 code such as US or US-CA");
      }
    }
    for (var g : granted) {
      if (!TYPES.contains(g))
        throw new ConfigException(KEY, "\"" + g + "\" is not one of " + String.join(", ", TYPES));
    }
  }

  /** Parses the configured value; empty means no region-specific defaults. */
  public static List<RegionDefault> parse(String value) {
    var out = new ArrayList<RegionDefault>();
    if (value == null || value.isBlank()) return out;
    for (var entry : value.split(";")) {
      if (entry.isBlank()) continue;
      int colon = entry.indexOf(':');
      if (colon < 0)
        throw new ConfigException(KEY, "entry \"" + entry.strip() + "\" needs REGIONS: TYPES");
      out.add(new RegionDefault(
          list(entry.substring(0, colon)), Set.copyOf(list(entry.substring(colon + 1)))));
    }
    return out;
  }

  private static List<String> list(String csv) {
    return java.util.Arrays.stream(csv.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
