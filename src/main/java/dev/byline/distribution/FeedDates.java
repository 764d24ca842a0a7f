package dev.byline.distribution;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Dates as each format wants them: RFC 822 (with a four-digit year, as RSS 2.0 asks) and
 * RFC 3339 (Atom, JSON Feed, sitemaps), always in UTC and to the second.
 */
public final class FeedDates {
  private static final DateTimeFormatter RFC_822 = DateTimeFormatter.ofPattern(
          "EEE, dd MMM yyyy HH:mm:ss '+0000'", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);

  private FeedDates() {}

  /** e.g. {@code Wed, 25 Nov 2026 14:05:00 +0000}. */
  public static String rfc822(Instant t) {
    return RFC_822.format(t);
  }

  /** e.g. {@code 2026-11-25T14:05:00Z}. */
  public static String rfc3339(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
  }
}
