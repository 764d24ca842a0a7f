package dev.byline.content;

import dev.byline.store.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes scheduled articles when their time (and embargo) comes. Schedules live in the
 * database, so a restart loses none, and a schedule missed while the site was down publishes
 * at start.
 *
 * <p>Each due article is published on its own, so one that fails holds up none of the others. It
 * is tried again after a wait that doubles up to {@link #RETRY}'s cap, for as long as it stays
 * scheduled, and never given up: publishing is an editor's decision, and dropping it would leave
 * a story unpublished that was promised for a time; it stays "scheduled" on the desk, and each
 * failure is an ERROR in the log with its stack trace.
 */
public final class ScheduledPublisher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ScheduledPublisher.class);
  /** Editors expect a story scheduled for 14:00 to be out by 14:00:10. */
  public static final long INTERVAL_SECONDS = 5;

  /** Waits before a failed article is tried again: from one round, at most ten minutes. */
  static final Backoff RETRY =
      new Backoff(Duration.ofSeconds(INTERVAL_SECONDS), Duration.ofMinutes(10));

  /** Waits when the due list itself cannot be read (the database is down): at most a minute. */
  static final Backoff ROUND_RETRY =
      new Backoff(Duration.ofSeconds(INTERVAL_SECONDS), Duration.ofMinutes(1));

  /** An article that failed: how often in a row, and when it may be tried again. */
  private record Retry(int attempts, Instant notBefore) {}

  private final ArticleStore articles;
  private final Clock clock;
  private final ScheduledExecutorService timer;
  private final Map<Long, Retry> retries = new HashMap<>();
  private int failedRounds;

  /** @param clock the clock waits after failures are measured with */
  public ScheduledPublisher(ArticleStore articles, Clock clock) {
    this.articles = articles;
    this.clock = clock;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      var t = new Thread(r, "scheduled-publisher");
      t.setDaemon(true);
      return t;
    });
  }

  public ScheduledPublisher start() {
    timer.schedule(this::round, 0, TimeUnit.SECONDS);
    return this;
  }

  private void round() {
    runOnce();
    var wait =
        failedRounds == 0 ? Duration.ofSeconds(INTERVAL_SECONDS) : ROUND_RETRY.after(failedRounds);
    if (!timer.isShutdown()) timer.schedule(this::round, wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Publishes what is due now, except articles still waiting after a failure; returns how many. */
  public synchronized int runOnce() {
    List<Long> due;
    try {
      due = articles.due();
    } catch (RuntimeException e) {
      failedRounds++;
      log.error(
          "event=scheduled_publish_unreadable attempt={} retry_in_s={} error=\"{}\"",
          failedRounds,
          ROUND_RETRY.after(failedRounds).toSeconds(),
          e.toString(),
          e);
      return 0;
    }
    failedRounds = 0;
    retries.keySet().retainAll(due);
    int published = 0;
    var now = clock.instant();
    for (long id : due) {
      var retry = retries.get(id);
      if (retry != null && now.isBefore(retry.notBefore())) continue;
      try {
        articles.publish(id);
        retries.remove(id);
        published++;
        log.info("event=scheduled_published article={}", id);
      } catch (RuntimeException e) {
        int attempts = retry == null ? 1 : retry.attempts() + 1;
        var wait = RETRY.after(attempts);
        retries.put(id, new Retry(attempts, now.plus(wait)));
        log.error(
            "event=scheduled_publish_failed article={} attempt={} retry_in_s={} error=\"{}\"",
            id,
            attempts,
            wait.toSeconds(),
            e.toString(),
            e);
      }
    }
    return published;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
