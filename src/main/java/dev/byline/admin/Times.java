package dev.byline.admin;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Date-and-time fields ({@code <input type="datetime-local">}) in the site's time zone. */
final class Times {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private Times() {}

  /** The instant typed, or null when blank; a bad value is an error on the form field. */
  static Instant parse(Form form, String value, String field, String label, ZoneId zone) {
    form.set(field, value);
    if (value == null || value.isBlank()) return null;
    try {
      return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      form.error(field, label + " must be a date and time like 2026-05-01T14:30");
      return null;
    }
  }

  static String format(Instant t, ZoneId zone) {
    return t == null ? "" : LOCAL.format(t.atZone(zone));
  }
}
