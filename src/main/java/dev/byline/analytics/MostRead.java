package dev.byline.analytics;

import dev.byline.content.ArticleSummary;
import dev.byline.content.PublishedArticles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The most-read articles of the last 24 hours, worked out from the database at most once a
 * minute (so every node agrees within a minute) and resolved to summaries when asked, so an
 * unpublished story drops out at once.
 *
 * <pre>{@code
 * views.afterFlush(() -> { if (mostRead.refresh()) cache.purge(Set.of(MostRead.KEY)); });
 * mostRead.stories(); // [summary, summary, ...]
 * }</pre>
 */
public final class MostRead {
  /** The surrogate key of every page and fragment that shows the list. */
  public static final String KEY = "most-read";
  /** A reader's day of news. */
  public static final Duration WINDOW = Duration.ofHours(24);
  /** As fresh as the issue asks; a database query a minute per node is nothing. */
  public static final Duration REFRESH = Duration.ofMinutes(1);
  /** A short list people read; more is a list of everything. */
  public static final int SIZE = 10;

  private record Snapshot(Instant at, List<Long> ids) {}

  private final AnalyticsStore store;
  private final PublishedArticles articles;
  private final Clock clock;
  private volatile Snapshot snapshot;

  public MostRead(AnalyticsStore store, PublishedArticles articles, Clock clock) {
    this.store = store;
    this.articles = articles;
    this.clock = clock;
  }

  /** Recomputes the ranking if it is a minute old; true when the ranking changed. */
  public synchronized boolean refresh() {
    var now = clock.instant();
    var s = snapshot;
    if (s != null && Duration.between(s.at(), now).compareTo(REFRESH) < 0) return false;
    return recompute(now);
  }

  /** Recomputes now, whatever its age; true when the ranking changed. */
  public synchronized boolean recompute() {
    return recompute(clock.instant());
  }

  private boolean recompute(Instant now) {
    // Over-fetch so unpublished stories can drop out without shortening the list.
    var ids = store.mostRead(now.minus(WINDOW), SIZE * 2).stream()
        .map(r -> Long.parseLong(r.key()))
        .toList();
    var old = snapshot;
    snapshot = new Snapshot(now, ids);
    return old == null ? !ids.isEmpty() : !old.ids().equals(ids);
  }

  /** The list, best first; empty before anyone has read anything. */
  public List<ArticleSummary> stories() {
    var s = snapshot;
    if (s == null) {
      refresh();
      s = snapshot;
    }
    return articles.summaries(s.ids()).stream().limit(SIZE).toList();
  }

  /** When the list was last worked out. */
  public Instant computedAt() {
    var s = snapshot;
    return s == null ? clock.instant() : s.at();
  }
}
