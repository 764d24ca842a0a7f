package dev.byline.distribution;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Permanent feed ids ({@code tag:host,2026-12-06:article:12}, RFC 4151): the site's host, the
 * day the thing first appeared, and what it is. They survive slug and section changes.
 */
public final class TagUri {
  private TagUri() {}

  /** The authority part: the host of the site's base address, lower-cased. */
  public static String authority(String baseUrl) {
    return URI.create(baseUrl).getHost().toLowerCase(Locale.ROOT);
  }

  /** {@code tag:authority,day:specific}, the day in UTC. */
  public static String of(String authority, Instant dated, String specific) {
    return "tag:" + authority + "," + LocalDate.ofInstant(dated, ZoneOffset.UTC) + ":" + specific;
  }
}
