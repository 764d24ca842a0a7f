package dev.byline.analytics;

import dev.byline.config.Config;
import dev.byline.config.ConfigException;

/**
 * The {@code analytics.*} settings.
 *
 * @param enabled whether pages carry the beacon and views are counted
 * @param requireConsent whether the beacon waits for the reader's "analytics" consent
 * @param flushSeconds how often counts held in memory are written to the database
 * @param clientIpHeader a header set by a trusted reverse proxy that carries the reader's
 *     address (e.g. {@code X-Real-IP}; of a list, the last entry is used); empty means the socket
 *     address. Defaults to {@code X-Forwarded-For} when {@code http.trust.forwarded} is on.
 * @param hourlyRetentionDays how long per-page hourly counts are kept (daily counts stay)
 */
public record AnalyticsSettings(
    boolean enabled,
    boolean requireConsent,
    int flushSeconds,
    String clientIpHeader,
    int hourlyRetentionDays) {
  /** Often enough that the dashboard feels live, rarely enough that a burst costs a few writes. */
  public static final int DEFAULT_FLUSH_SECONDS = 10;
  /** Five weeks of hourly detail: "Most read" needs a day, week-on-week comparisons a bit more. */
  public static final int DEFAULT_HOURLY_RETENTION_DAYS = 35;

  public AnalyticsSettings {
    if (flushSeconds < 1 || flushSeconds > 3600) {
      throw new ConfigException("analytics.flushSeconds", "must be between 1 and 3600");
    }
    if (hourlyRetentionDays < 2)
      throw new ConfigException("analytics.hourlyRetentionDays", "must be 2 or more");
    clientIpHeader = clientIpHeader == null ? "" : clientIpHeader.strip();
  }

  public static AnalyticsSettings from(Config config) {
    return new AnalyticsSettings(
        config.boolSetting("analytics.enabled", true),
        config.boolSetting("analytics.requireConsent", false),
        config.intSetting("analytics.flushSeconds", DEFAULT_FLUSH_SECONDS),
        config.setting(
            "analytics.clientIpHeader",
            config.boolSetting("http.trust.forwarded", false) ? "X-Forwarded-For" : ""),
        config.intSetting("analytics.hourlyRetentionDays", DEFAULT_HOURLY_RETENTION_DAYS));
  }

  public static AnalyticsSettings defaults() {
    return new AnalyticsSettings(
        true, false, DEFAULT_FLUSH_SECONDS, "", DEFAULT_HOURLY_RETENTION_DAYS);
  }
}
