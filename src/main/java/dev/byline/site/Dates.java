package dev.byline.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Instants as readers and machines read them, in the site's zone and language: the language's own
 * long date and short time (java.time's CLDR patterns: "25 November 2026 at 14:05" for en-GB,
 * "25. November 2026 um 14:05" for de), then the zone, since readers may be elsewhere.
 */
public final class Dates {
  private final DateTimeFormatter human;
  private final DateTimeFormatter day;
  private final String language;

  public Dates(ZoneId zone, Locale locale) {
    this.language = locale.getLanguage();
    var pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(
        FormatStyle.LONG, FormatStyle.SHORT, IsoChronology.INSTANCE, locale);
    this.human = new DateTimeFormatterBuilder()
        .appendPattern(pattern)
        .appendLiteral(' ')
        .appendZoneText(java.time.format.TextStyle.SHORT)
        .toFormatter(locale)
        .withZone(zone);
    this.day =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(zone);
  }

  /** The language dates are written in: the site's, e.g. {@code en}. */
  public String language() {
    return language;
  }

  /** "25 November 2026 at 14:05 UTC" (en-GB), in the site's zone. */
  public String human(Instant t) {
    return t == null ? "" : human.format(t);
  }

  public String day(Instant t) {
    return t == null ? "" : day.format(t);
  }

  /** ISO 8601 with offset, for {@code <time datetime>} and structured data. */
  public static String iso(Instant t) {
    return t == null
        ? ""
        : DateTimeFormatter.ISO_INSTANT.format(
            t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }
}
