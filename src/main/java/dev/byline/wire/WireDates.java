package dev.byline.wire;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Reads the dates agencies actually send: ISO 8601 with "Z", "+01:00" or "+0100"; NITF's basic
 * form "20131020T192751+1100"; a date-time with no zone (read in the source's zone); a date
 * alone. Anything else is null, and the caller decides whether that matters.
 */
final class WireDates {
  private static final List<DateTimeFormatter> OFFSET = List.of(
      DateTimeFormatter.ISO_OFFSET_DATE_TIME,
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
          .optionalStart()
          .appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .appendPattern("XX")
          .toFormatter(Locale.ROOT),
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssXX", Locale.ROOT),
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX", Locale.ROOT),
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'GMT'XXX", Locale.ROOT));
  private static final List<DateTimeFormatter> LOCAL = List.of(
      DateTimeFormatter.ISO_LOCAL_DATE_TIME,
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT),
      DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm:ss", Locale.ROOT));

  private WireDates() {}

  static Instant parse(String value, ZoneId zone) {
    if (value == null) return null;
    var v = value.strip();
    if (v.isEmpty()) return null;
    for (var f : OFFSET) {
      try {
        return OffsetDateTime.parse(v, f).toInstant();
      } catch (DateTimeParseException ignored) {
        // try the next form
      }
    }
    for (var f : LOCAL) {
      try {
        return LocalDateTime.parse(v, f).atZone(zone).toInstant();
      } catch (DateTimeParseException ignored) {
        // try the next form
      }
    }
    try {
      return LocalDate.parse(v.length() >= 10 ? v.substring(0, 10) : v)
          .atStartOfDay(zone)
          .toInstant();
    } catch (DateTimeParseException ignored) {
      return null;
    }
  }
}
