package dev.byline.curation;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces expired pins and banners on the change feed, as the scheduled publisher does for
 * stories, so cached pages learn of an expiry without anyone purging by hand. Both queries read
 * only rows not yet expired (partial indexes), so a round costs little.
 */
public final class Expiries implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Expiries.class);

  /**
   * A pin or banner goes at most this long after its time (plus the feed's own delay). Pages
   * render only pins still showing, so a page rendered late in that window shows none either.
   */
  public static final long INTERVAL_MILLIS = 500;

  private final Curation curation;
  private final BreakingDesk breaking;
  private final ScheduledExecutorService timer;

  public Expiries(Curation curation, BreakingDesk breaking) {
    this.curation = curation;
    this.breaking = breaking;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      var t = new Thread(r, "curation-expiries");
      t.setDaemon(true);
      return t;
    });
  }

  public Expiries start() {
    timer.scheduleWithFixedDelay(this::runOnce, 0, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    return this;
  }

  /** One round; a failure (the database away) is logged and the next round tries again. */
  public void runOnce() {
    try {
      int pins = curation.expireDue();
      int banners = breaking.expireDue();
      if (pins + banners > 0) log.info("event=curation_expired pins={} banners={}", pins, banners);
    } catch (RuntimeException e) {
      log.error("event=curation_expiry_failed error=\"{}\"", e.toString(), e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
