package dev.byline.newsletter;

import dev.byline.config.Config;
import dev.byline.config.ConfigException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How newsletters are sent, from the {@code newsletter.*} keys. Newsletters are on when {@code
 * newsletter.smtp.host} is set.
 *
 * @param tls {@code starttls} (upgrade on the submission port, required), {@code tls} (implicit
 *     TLS, port 465) or {@code none} (a relay on the same machine or a test server)
 * @param ratePerSecond the most messages a second this node hands to the SMTP server
 * @param batch messages claimed from the queue at a time
 * @param siteName the configured name: the site settings' name is the one mails show (see {@link
 *     SiteVoice}); this one only checks at start-up that a From header can be written
 * @param briefingTime when the daily briefing goes, in the site's time zone ({@link SiteVoice});
 *     empty: no daily briefing
 * @param bounceSecret the bearer token of the bounce intake; empty: the intake refuses everyone
 * @param unsubscribeMailto an address for {@code List-Unsubscribe}'s mailto form; empty: none
 */
public record NewsletterSettings(
    String smtpHost,
    int smtpPort,
    String smtpUser,
    String smtpPassword,
    String tls,
    String from,
    String siteName,
    String baseUrl,
    double ratePerSecond,
    int batch,
    Duration smtpTimeout,
    Duration firstRetry,
    Duration maxRetry,
    Duration giveUpAfter,
    long pollMillis,
    Optional<LocalTime> briefingTime,
    int briefingStories,
    Duration confirmWithin,
    String bounceSecret,
    String unsubscribeMailto) {
  /** Most providers let a new sender start at a few messages a second; raise it once warmed up. */
  static final int DEFAULT_RATE = 10;
  /** Big enough to keep the queue reads few, small enough that a stop releases little. */
  static final int DEFAULT_BATCH = 50;
  /** SMTP servers answer in seconds; RFC 5321 allows minutes, which would hold the queue. */
  static final int DEFAULT_TIMEOUT_MS = 30_000;
  /** A greylisting server typically asks for a retry after a few minutes. */
  static final int DEFAULT_FIRST_RETRY_MS = 60_000;

  static final int DEFAULT_MAX_RETRY_MS = 3_600_000;
  /** A briefing older than two days is no longer news; a message still failing then is dropped. */
  static final int DEFAULT_GIVE_UP_HOURS = 48;

  static final int DEFAULT_BRIEFING_STORIES = 8;
  /** Long enough to find the mail the next day; after it the reader asks again. */
  static final int DEFAULT_CONFIRM_HOURS = 48;

  public static boolean enabled(Config c) {
    return c.setting("newsletter.smtp.host").filter(h -> !h.isBlank()).isPresent();
  }

  public static NewsletterSettings from(Config c) {
    var tls = c.setting("newsletter.smtp.tls", "starttls").strip().toLowerCase();
    if (!tls.equals("starttls") && !tls.equals("tls") && !tls.equals("none"))
      throw new ConfigException("newsletter.smtp.tls", "must be starttls, tls or none, not " + tls);
    int rate = c.intSetting("newsletter.rate.per.second", DEFAULT_RATE, 1, 10_000);
    return new NewsletterSettings(
        c.setting("newsletter.smtp.host", "").strip(),
        c.intSetting("newsletter.smtp.port", tls.equals("tls") ? 465 : 587, 1, 65_535),
        c.setting("newsletter.smtp.user", ""),
        c.setting("newsletter.smtp.password", ""),
        tls,
        c.setting("newsletter.from", "newsletter@" + host(c.baseUrl())),
        c.siteName(),
        c.baseUrl(),
        rate,
        c.intSetting("newsletter.batch", DEFAULT_BATCH, 1, 1_000),
        Duration.ofMillis(
            c.intSetting("newsletter.smtp.timeout.ms", DEFAULT_TIMEOUT_MS, 100, 600_000)),
        Duration.ofMillis(
            c.intSetting("newsletter.retry.first.ms", DEFAULT_FIRST_RETRY_MS, 10, 3_600_000)),
        Duration.ofMillis(
            c.intSetting("newsletter.retry.max.ms", DEFAULT_MAX_RETRY_MS, 10, 86_400_000)),
        Duration.ofHours(
            c.intSetting("newsletter.give.up.hours", DEFAULT_GIVE_UP_HOURS, 1, 24 * 14)),
        c.intSetting("newsletter.poll.ms", 1_000, 10, 60_000),
        briefingTime(c.setting("newsletter.briefing.time", "07:00")),
        c.intSetting("newsletter.briefing.stories", DEFAULT_BRIEFING_STORIES, 1, 50),
        Duration.ofHours(
            c.intSetting("newsletter.confirm.hours", DEFAULT_CONFIRM_HOURS, 1, 24 * 30)),
        c.setting("newsletter.bounce.secret", ""),
        c.setting("newsletter.unsubscribe.mailto", "").strip());
  }

  /** How long a claimed message is held before another worker may take it over. */
  Duration lease() {
    return smtpTimeout.multipliedBy(2).plusSeconds(5);
  }

  private static Optional<LocalTime> briefingTime(String text) {
    if (text.isBlank()) return Optional.empty();
    try {
      return Optional.of(LocalTime.parse(text.strip()));
    } catch (DateTimeParseException e) {
      throw new ConfigException(
          "newsletter.briefing.time", "must be a time such as 07:00, or empty, not " + text);
    }
  }

  private static String host(String baseUrl) {
    var host = URI.create(baseUrl).getHost();
    return host == null ? "localhost" : host;
  }
}
