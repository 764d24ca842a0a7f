package dev.byline.analytics;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many times each key was counted in its current window, for "at most n per window" rules.
 * A key's window starts at its first count and lasts {@code window}; a count after that starts a
 * new one. At most {@code capacity} keys are held: windows that are over are dropped as time
 * passes, and when every slot is taken the oldest window is dropped early, so memory stays
 * bounded whatever is sent. Not thread-safe: {@link ViewLimits} holds the lock.
 */
final class WindowCounts {
  private static final class Window {
    final long start;
    int count;

    Window(long start) {
      this.start = start;
    }
  }

  private final long windowMillis;
  private final int capacity;
  /** In order of window start: a new window is put at the end, so the oldest is first. */
  private final LinkedHashMap<Long, Window> windows = new LinkedHashMap<>();

  WindowCounts(Duration window, int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity must be 1 or more");
    this.windowMillis = window.toMillis();
    this.capacity = capacity;
  }

  /** How many times {@code key} was counted in a window still open at {@code now}. */
  int count(long key, long now) {
    var w = windows.get(key);
    return w == null || now - w.start >= windowMillis ? 0 : w.count;
  }

  /** Counts {@code key} once at {@code now}, in its open window or a new one. */
  void add(long key, long now) {
    dropEnded(now);
    var w = windows.get(key);
    if (w == null || now - w.start >= windowMillis) {
      if (w != null) windows.remove(key);
      w = new Window(now);
      windows.put(key, w);
      if (windows.size() > capacity) {
        Iterator<Map.Entry<Long, Window>> oldest = windows.entrySet().iterator();
        oldest.next();
        oldest.remove();
      }
    }
    w.count++;
  }

  int size() {
    return windows.size();
  }

  private void dropEnded(long now) {
    var it = windows.values().iterator();
    while (it.hasNext()) {
      if (now - it.next().start < windowMillis) return;
      it.remove();
    }
  }
}
