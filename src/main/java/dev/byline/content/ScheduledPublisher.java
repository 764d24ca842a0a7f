package dev.byline.content;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes scheduled articles when their time (and embargo) comes. Schedules live in the
 * database, so a restart loses none, and a schedule missed while the site was down publishes
 * at start.
 */
public final class ScheduledPublisher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ScheduledPublisher.class);
  /** Editors expect a story scheduled for 14:00 to be out by 14:00:10. */
  public static final long INTERVAL_SECONDS = 5;

  private final ArticleStore articles;
  private final ScheduledExecutorService timer;

  public ScheduledPublisher(ArticleStore articles) {
    this.articles = articles;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      var t = new Thread(r, "scheduled-publisher");
      t.setDaemon(true);
      return t;
    });
  }

  public ScheduledPublisher start() {
    timer.scheduleWithFixedDelay(this::runOnce, 0, INTERVAL_SECONDS, TimeUnit.SECONDS);
    return this;
  }

  /** Publishes what is due now; returns how many. */
  public int runOnce() {
    try {
      var ids = articles.publishDue();
      if (!ids.isEmpty()) log.info("event=scheduled_published count={} ids={}", ids.size(), ids);
      return ids.size();
    } catch (RuntimeException e) {
      log.warn("event=scheduled_publish_failed error=\"{}\"", e.toString());
      return 0;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
