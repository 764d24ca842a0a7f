package dev.byline.analytics;

import dev.byline.content.InvalidInput;
import java.util.Locale;

/** How finely a chart splits time. */
public enum Resolution {
  HOUR,
  DAY;

  /** Hours are readable for a few days; beyond that a chart needs days. */
  public static final int MAX_HOURLY_DAYS = 31;
  /** Up to this many days, "auto" picks hours. */
  static final int AUTO_HOURLY_DAYS = 2;

  /** Reads "hour", "day" or "auto"/empty, choosing for the range when asked to. */
  public static Resolution parse(String value, DateRange range) {
    var v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "", "auto" -> range.days() <= AUTO_HOURLY_DAYS ? HOUR : DAY;
      case "hour" -> {
        if (range.days() > MAX_HOURLY_DAYS) {
          throw new InvalidInput(
              "resolution", "hour is available for ranges of up to " + MAX_HOURLY_DAYS + " days");
        }
        yield HOUR;
      }
      case "day" -> DAY;
      default -> throw new InvalidInput("resolution", "must be hour, day or auto");
    };
  }

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
