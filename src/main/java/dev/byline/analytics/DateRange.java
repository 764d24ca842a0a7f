package dev.byline.analytics;

import dev.byline.content.InvalidInput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Whole days, both ends included, in the site's zone.
 *
 * <pre>{@code
 * var range = DateRange.parse("2026-03-01", "2026-03-07", today); // a week
 * }</pre>
 */
public record DateRange(LocalDate from, LocalDate to) {
  /** A year and a day: enough for year-on-year, small enough to draw. */
  public static final int MAX_DAYS = 366;
  /** What the dashboard shows when no range is asked for. */
  public static final int DEFAULT_DAYS = 7;

  public DateRange {
    if (from == null) throw new InvalidInput("from", "is empty");
    if (to == null) throw new InvalidInput("to", "is empty");
    if (to.isBefore(from)) throw new InvalidInput("to", "is before from");
    if (days(from, to) > MAX_DAYS)
      throw new InvalidInput("to", "is more than " + MAX_DAYS + " days after from");
  }

  /** The last {@code days} days up to and including {@code today}. */
  public static DateRange last(int days, LocalDate today) {
    return new DateRange(today.minusDays(days - 1L), today);
  }

  /** Reads {@code yyyy-mm-dd} dates; a missing end is today, a missing start a week before the end. */
  public static DateRange parse(String from, String to, LocalDate today) {
    var end = blank(to) ? today : date("to", to);
    var start = blank(from) ? end.minusDays(DEFAULT_DAYS - 1L) : date("from", from);
    return new DateRange(start, end);
  }

  public long days() {
    return days(from, to);
  }

  public Instant start(ZoneId zone) {
    return from.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the range. */
  public Instant end(ZoneId zone) {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  private static long days(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static LocalDate date(String field, String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInput(
          field, "must be a date like 2026-03-31, not \"" + value.strip() + "\"");
    }
  }
}
