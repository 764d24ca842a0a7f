package dev.byline.analytics;

import java.time.Instant;
import java.util.Map;

/**
 * Counts gathered in memory between two flushes, as the store writes them.
 *
 * @param pages views per hour and path (the path as the beacon reported it)
 * @param hourViews views per hour
 * @param hourVisitors visitors seen for the first time in that hour
 * @param dayVisitors visitors seen for the first time in that day
 * @param sources views that arrived from another site or a campaign, per day
 */
public record Batch(
    Map<PageKey, Long> pages,
    Map<Bucket, Long> hourViews,
    Map<Bucket, Long> hourVisitors,
    Map<Instant, Long> dayVisitors,
    Map<SourceKey, Long> sources) {

  /** Views of one path in one hour. */
  public record PageKey(Bucket bucket, String path) {}

  /** Where views came from: kind {@code referrer} (a host) or {@code campaign} (a utm_source). */
  public record SourceKey(Instant day, String kind, String name) {}

  public static final String REFERRER = "referrer";
  public static final String CAMPAIGN = "campaign";

  public Batch {
    pages = Map.copyOf(pages);
    hourViews = Map.copyOf(hourViews);
    hourVisitors = Map.copyOf(hourVisitors);
    dayVisitors = Map.copyOf(dayVisitors);
    sources = Map.copyOf(sources);
  }

  public boolean isEmpty() {
    return hourViews.isEmpty() && hourVisitors.isEmpty() && dayVisitors.isEmpty();
  }

  /** Every view in the batch. */
  public long views() {
    return hourViews.values().stream().mapToLong(Long::longValue).sum();
  }
}
