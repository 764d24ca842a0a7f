package dev.byline.analytics;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.StampedLock;

/**
 * Counts held in memory until the next flush. Many request threads add at once (sharing a read
 * lock); a flush takes the write lock only long enough to swap in empty maps, so no count is
 * added to maps that are already being written, and none is lost.
 */
final class Tally {
  /** Distinct paths kept per flush; more in one interval is an attack or a bug, pooled as one. */
  static final int MAX_PATHS = 50_000;

  static final String OTHER = "(other)";

  private static final class Open {
    final ConcurrentHashMap<Batch.PageKey, LongAdder> pages = new ConcurrentHashMap<>();
    final ConcurrentHashMap<Bucket, LongAdder> hourViews = new ConcurrentHashMap<>();
    final ConcurrentHashMap<Bucket, LongAdder> hourVisitors = new ConcurrentHashMap<>();
    final ConcurrentHashMap<Instant, LongAdder> dayVisitors = new ConcurrentHashMap<>();
    final ConcurrentHashMap<Batch.SourceKey, LongAdder> sources = new ConcurrentHashMap<>();
  }

  private final StampedLock lock = new StampedLock();
  private Open open = new Open();

  /** Counts one view of {@code beacon.path()} in {@code bucket}. */
  void add(Bucket bucket, Beacon beacon, boolean newInHour, boolean newInDay) {
    long stamp = lock.readLock();
    try {
      var o = open;
      var key = new Batch.PageKey(bucket, beacon.path());
      if (o.pages.size() >= MAX_PATHS && !o.pages.containsKey(key))
        key = new Batch.PageKey(bucket, OTHER);
      add(o.pages, key, 1);
      add(o.hourViews, bucket, 1);
      if (newInHour) add(o.hourVisitors, bucket, 1);
      if (newInDay) add(o.dayVisitors, bucket.day(), 1);
      if (!beacon.referrerHost().isEmpty())
        add(o.sources, new Batch.SourceKey(bucket.day(), Batch.REFERRER, beacon.referrerHost()), 1);
      if (!beacon.campaign().isEmpty())
        add(o.sources, new Batch.SourceKey(bucket.day(), Batch.CAMPAIGN, beacon.campaign()), 1);
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /** Takes every count so far, leaving the tally empty. */
  Batch drain() {
    Open taken;
    long stamp = lock.writeLock();
    try {
      taken = open;
      open = new Open();
    } finally {
      lock.unlockWrite(stamp);
    }
    return new Batch(
        sums(taken.pages),
        sums(taken.hourViews),
        sums(taken.hourVisitors),
        sums(taken.dayVisitors),
        sums(taken.sources));
  }

  /** Puts a batch that could not be written back, to be written with the next one. */
  void restore(Batch batch) {
    long stamp = lock.readLock();
    try {
      var o = open;
      batch.pages().forEach((k, v) -> add(o.pages, k, v));
      batch.hourViews().forEach((k, v) -> add(o.hourViews, k, v));
      batch.hourVisitors().forEach((k, v) -> add(o.hourVisitors, k, v));
      batch.dayVisitors().forEach((k, v) -> add(o.dayVisitors, k, v));
      batch.sources().forEach((k, v) -> add(o.sources, k, v));
    } finally {
      lock.unlockRead(stamp);
    }
  }

  private static <K> void add(ConcurrentHashMap<K, LongAdder> map, K key, long n) {
    var adder = map.get(key);
    if (adder == null) adder = map.computeIfAbsent(key, k -> new LongAdder());
    adder.add(n);
  }

  private static <K> Map<K, Long> sums(ConcurrentHashMap<K, LongAdder> map) {
    var out = new HashMap<K, Long>(map.size() * 2);
    map.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
