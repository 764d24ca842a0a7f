package dev.byline.newsletter;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the daily briefing at the configured time, in the site's time zone. The send's key is the day, so a restart, a
 * second node or a slow tick never makes two; a site that was down at the hour sends it once it
 * is back, up to {@link #CATCH_UP} late, and not after (a morning briefing at midnight helps
 * nobody).
 */
final class BriefingSchedule implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BriefingSchedule.class);
  static final Duration CATCH_UP = Duration.ofHours(3);
  /** A minute is fine enough for a daily mailing. */
  static final long TICK_MILLIS = 30_000;

  private final Newsletter newsletter;
  private final NewsletterSettings settings;
  private final Clock clock;
  private final Thread thread;
  private volatile boolean running = true;

  BriefingSchedule(Newsletter newsletter, NewsletterSettings settings, Clock clock) {
    this.newsletter = newsletter;
    this.settings = settings;
    this.clock = clock;
    thread = new Thread(this::run, "newsletter-briefing");
    thread.setDaemon(true);
  }

  BriefingSchedule start() {
    thread.start();
    return this;
  }

  private void run() {
    while (running) {
      try {
        tick();
        Thread.sleep(Math.min(TICK_MILLIS, settings.pollMillis() * 30));
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.error("event=newsletter_briefing_failed error=\"{}\"", e.toString());
        try {
          Thread.sleep(TICK_MILLIS);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  void tick() {
    // The site's zone as its settings say now, the zone the briefing's date is written in.
    var now = clock.instant().atZone(newsletter.voice().zone()).toLocalDateTime();
    var due = now.toLocalDate().atTime(settings.briefingTime().orElseThrow());
    if (now.isBefore(due) || !now.isBefore(due.plus(CATCH_UP))) return;
    newsletter
        .scheduledBriefing(now.toLocalDate())
        .ifPresent(s -> log.info(
            "event=newsletter_briefing_made send={} recipients={}", s.id(), s.recipients()));
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
