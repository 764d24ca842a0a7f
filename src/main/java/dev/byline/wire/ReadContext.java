package dev.byline.wire;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What a reader knows besides the bytes: which source sent them, under what file name, when
 * they arrived, and the zone to read dates in that carry none.
 */
public record ReadContext(String source, String fileName, Instant receivedAt, ZoneId zone) {
  public ReadContext {
    source = source == null ? "" : source;
    fileName = fileName == null ? "" : fileName;
    // The caller's clock says when: a reader never asks the system clock itself.
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (zone == null) zone = ZoneId.of("UTC");
  }

  public static ReadContext of(String source, String fileName, Instant receivedAt) {
    return new ReadContext(source, fileName, receivedAt, ZoneId.of("UTC"));
  }
}
