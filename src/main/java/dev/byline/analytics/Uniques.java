package dev.byline.analytics;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Which visitor numbers have been seen this hour, today and in the last few minutes. Only the
 * current hour's and day's sets are held; when a new one begins the old set is dropped.
 */
final class Uniques {
  private record Window(Instant start, VisitorSet seen) {}

  private final AtomicReference<Window> hour = new AtomicReference<>();
  private final AtomicReference<Window> day = new AtomicReference<>();
  private final ConcurrentHashMap<Long, Long> lastSeen = new ConcurrentHashMap<>();

  /** True the first time {@code visitor} is seen in the hour starting at {@code start}. */
  boolean firstInHour(Instant start, long visitor) {
    return first(hour, start, visitor);
  }

  /** True the first time {@code visitor} is seen in the day starting at {@code start}. */
  boolean firstInDay(Instant start, long visitor) {
    return first(day, start, visitor);
  }

  void seen(long visitor, long atMillis) {
    lastSeen.put(visitor, atMillis);
  }

  /** Forgets visitors not seen since {@code cutoffMillis}; returns how many remain. */
  int liveSince(long cutoffMillis) {
    lastSeen.values().removeIf(at -> at < cutoffMillis);
    return lastSeen.size();
  }

  /** Drops the sets of an hour or a day that is over, even when no reader has come since. */
  void forgetBefore(Instant hourStart, Instant dayStart) {
    var h = hour.get();
    if (h != null && h.start().isBefore(hourStart)) hour.compareAndSet(h, null);
    var d = day.get();
    if (d != null && d.start().isBefore(dayStart)) day.compareAndSet(d, null);
  }

  private static boolean first(AtomicReference<Window> ref, Instant start, long visitor) {
    while (true) {
      var w = ref.get();
      if (w != null && w.start().equals(start)) return w.seen().add(visitor);
      // A hit stamped just before a window turned over: it was already counted as a view; as a
      // visitor it is not counted again rather than counted in the wrong window.
      if (w != null && start.isBefore(w.start())) return false;
      ref.compareAndSet(w, new Window(start, new VisitorSet()));
    }
  }
}
