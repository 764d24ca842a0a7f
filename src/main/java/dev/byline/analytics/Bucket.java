package dev.byline.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The hour and the day a moment falls in, in the site's zone (so a newsroom in Mumbai gets
 * hours starting at :00 local time and days at local midnight).
 *
 * @param hour when the hour starts
 * @param day when the day starts
 * @param date the day as a date, which also names the day's salt
 */
public record Bucket(Instant hour, Instant day, LocalDate date) {
  public static Bucket of(Instant at, ZoneId zone) {
    var local = at.atZone(zone);
    var date = local.toLocalDate();
    return new Bucket(
        local.truncatedTo(ChronoUnit.HOURS).toInstant(), date.atStartOfDay(zone).toInstant(), date);
  }

  /** True when {@code at} falls in this bucket's hour. */
  boolean holds(Instant at) {
    return !at.isBefore(hour) && at.isBefore(hour.plus(Duration.ofHours(1)));
  }
}
