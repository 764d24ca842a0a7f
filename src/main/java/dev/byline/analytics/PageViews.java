package dev.byline.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts page views: leaves out readers who object (Global Privacy Control, Do Not Track), bots
 * and prefetches, turns the reader into the day's visitor number, leaves out what {@link
 * ViewLimits} does not admit (the same reader on the same page again, a flood from one
 * address), and adds to counts held in memory; a timer writes them in bulk every
 * {@code analytics.flushSeconds}, and once more on close. A reader costs no database write.
 *
 * <pre>{@code
 * var views = new PageViews(settings, store, resolver, new VisitorHash("news.example"), clock, zone).start();
 * views.record(new Beacon("/world/port-deal", "duckduckgo.com", ""), new Reader(ip, userAgent, false));
 * }</pre>
 */
public final class PageViews implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PageViews.class);
  /** A reader who opened a page this recently is "live". */
  public static final Duration LIVE_WINDOW = Duration.ofMinutes(5);
  /** Per-page hourly rows are pruned this often. */
  static final Duration PRUNE_EVERY = Duration.ofHours(6);

  /** What became of a beacon. */
  public enum Outcome {
    COUNTED,
    BOT,
    PREFETCH,
    OBJECTED,
    DISABLED,
    /** The same reader had a view of the same page counted a short while ago. */
    REPEATED,
    /** The reader's address had as many views counted as one address may. */
    LIMITED
  }

  private final AnalyticsSettings settings;
  private final AnalyticsStore store;
  private final PageResolver pages;
  private final VisitorHash visitors;
  private final Clock clock;
  private final ZoneId zone;
  private final BotFilter bots = new BotFilter();
  private final ViewLimits limits = new ViewLimits();
  private final Tally tally = new Tally();
  private final Uniques uniques = new Uniques();
  private final String node = UUID.randomUUID().toString();
  private final List<Runnable> afterFlush = new CopyOnWriteArrayList<>();
  private volatile Bucket bucket;
  private volatile Instant lastPrune = Instant.EPOCH;
  private ScheduledExecutorService timer;

  public PageViews(
      AnalyticsSettings settings,
      AnalyticsStore store,
      PageResolver pages,
      VisitorHash visitors,
      Clock clock,
      ZoneId zone) {
    this.settings = settings;
    this.store = store;
    this.pages = pages;
    this.visitors = visitors;
    this.clock = clock;
    this.zone = zone;
  }

  /** Starts the flush timer. */
  public PageViews start() {
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      var t = new Thread(r, "analytics-flush");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(
        this::flushQuietly, settings.flushSeconds(), settings.flushSeconds(), TimeUnit.SECONDS);
    return this;
  }

  /** Runs after every flush on the flush thread (e.g. to refresh "Most read"). */
  public void afterFlush(Runnable task) {
    afterFlush.add(task);
  }

  public BotFilter bots() {
    return bots;
  }

  public Outcome record(Beacon beacon, Reader reader) {
    if (!settings.enabled()) return Outcome.DISABLED;
    if (reader.objects()) return Outcome.OBJECTED;
    if (reader.prefetch()) return Outcome.PREFETCH;
    if (bots.isBot(reader.userAgent())) return Outcome.BOT;
    var now = clock.instant();
    var b = bucketFor(now);
    long visitor = visitors.visitor(b.date(), reader.ip(), reader.userAgent());
    long sender = visitors.sender(b.date(), AddressGroup.of(reader.ip()));
    switch (limits.admit(visitor, sender, beacon.path(), now.toEpochMilli())) {
      case REPEAT:
        return Outcome.REPEATED;
      case ADDRESS_LIMIT:
        return Outcome.LIMITED;
      case COUNT:
        break;
    }
    boolean newInHour = uniques.firstInHour(b.hour(), visitor);
    boolean newInDay = uniques.firstInDay(b.day(), visitor);
    uniques.seen(visitor, now.toEpochMilli());
    tally.add(b, beacon, newInHour, newInDay);
    return Outcome.COUNTED;
  }

  /**
   * Writes what has been counted since the last flush. If the database refuses, the counts go
   * back into memory to be written next time, so none is lost; the error is rethrown.
   *
   * @return how many views were written
   */
  public synchronized long flush() {
    var batch = tally.drain();
    var now = clock.instant();
    var current = Bucket.of(now, zone);
    visitors.forgetBefore(current.date());
    uniques.forgetBefore(current.hour(), current.day());
    try {
      store.write(batch, pages::resolve);
      store.writeLive(
          node,
          uniques.liveSince(now.minus(LIVE_WINDOW).toEpochMilli()),
          now,
          now.minus(Duration.ofSeconds(3L * settings.flushSeconds() + 60)));
    } catch (RuntimeException e) {
      tally.restore(batch);
      throw e;
    }
    if (Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) >= 0) {
      lastPrune = now;
      int n = store.pruneHourlyPages(now.minus(Duration.ofDays(settings.hourlyRetentionDays())));
      if (n > 0) log.info("event=analytics_pruned rows={}", n);
    }
    for (var task : afterFlush) task.run();
    return batch.views();
  }

  /** Readers seen by this node in the last five minutes. */
  public int liveReadersHere() {
    return uniques.liveSince(clock.millis() - LIVE_WINDOW.toMillis());
  }

  /** Live readers across every node, as of their last flush. */
  public long liveReaders() {
    return store.liveReaders(
        clock.instant().minus(Duration.ofSeconds(3L * settings.flushSeconds() + 60)));
  }

  public AnalyticsSettings settings() {
    return settings;
  }

  VisitorHash visitorHash() {
    return visitors;
  }

  ViewLimits limits() {
    return limits;
  }

  private void flushQuietly() {
    try {
      long n = flush();
      if (n > 0) log.debug("event=analytics_flushed views={}", n);
    } catch (RuntimeException e) {
      log.warn("event=analytics_flush_failed error=\"{}\"", e.toString());
    }
  }

  private Bucket bucketFor(Instant now) {
    var b = bucket;
    if (b != null && b.holds(now)) return b;
    b = Bucket.of(now, zone);
    bucket = b;
    return b;
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdown();
      try {
        timer.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      flush();
    } catch (RuntimeException e) {
      log.error("event=analytics_final_flush_failed error=\"{}\"", e.toString());
    }
  }
}
