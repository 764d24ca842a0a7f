package dev.byline.wire;

import java.util.Locale;

/** The agency's word on whether a version may be used (IPTC "pubStatus"). */
public enum PubStatus {
  /** May be published. */
  USABLE,
  /** Must not be used for now; anything already published from it comes down. */
  WITHHELD,
  /** Killed: must not be used and must be taken down. */
  CANCELED;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when the story must not be shown to readers. */
  public boolean takesDown() {
    return this != USABLE;
  }

  /**
   * Reads "usable", "stat:usable", "withheld", "canceled" (and the common misspelling
   * "cancelled" from feeds that are not ninjs); null when the value is none of these.
   */
  public static PubStatus parse(String value) {
    if (value == null) return null;
    var v = value.strip().toLowerCase(Locale.ROOT);
    int colon = v.lastIndexOf(':');
    if (colon >= 0) v = v.substring(colon + 1);
    return switch (v) {
      case "usable" -> USABLE;
      case "withheld" -> WITHHELD;
      case "canceled", "cancelled" -> CANCELED;
      default -> null;
    };
  }
}
