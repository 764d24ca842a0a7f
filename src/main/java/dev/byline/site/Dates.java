package dev.byline.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Instants as readers and machines read them, in the site's zone and language. */
public final class Dates {
  private final DateTimeFormatter human;
  private final DateTimeFormatter day;

  public Dates(ZoneId zone, Locale locale) {
    this.human = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", locale).withZone(zone);
    this.day =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(zone);
  }

  /** "25 November 2026, 14:05 UTC". */
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
