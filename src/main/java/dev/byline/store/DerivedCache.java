package dev.byline.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * Values derived from the database (an article read by its slug, the section list, an article's
 * related links) kept in memory, each tagged with the surrogate keys of what it was built from,
 * and dropped when the change feed reports a change to any of them.
 *
 * <p>A cache made with {@link ChangeFeed#derivedCache} is purged by the feed itself: at once when
 * a unit of work of this process commits, before the call that wrote returns, and by each
 * read-your-writes follower just before its listener sees a change from another process or node.
 * So the follower that purges pages (the page cache) always finds these values purged first, and a page rendered after
 * a change is never built from a value read before it. A load that overlaps a purge is returned
 * but not kept.
 *
 * <pre>{@code
 * var bySlug = feed.derivedCache("article-by-slug", 10_000);
 * Article a = bySlug.get(slug, s -> articles.bySlug(s)
 *     .map(x -> new DerivedCache.Entry<>(x, Set.copyOf(x.surrogateKeys())))
 *     .orElse(null)); // null: nothing to keep, nothing returned
 * }</pre>
 */
public final class DerivedCache<K, V> {
  /** A value and the surrogate keys whose change makes it stale. */
  public record Entry<V>(V value, Set<String> keys) {
    public Entry {
      keys = Set.copyOf(keys);
    }
  }

  private final Cache<K, Entry<V>> values;
  /** Counts purges, so a load can tell whether one happened while it read. */
  private final AtomicLong purges = new AtomicLong();
  /**
   * Puts hold it shared, a purge exclusively: a loaded value goes in either wholly before a purge
   * (whose scan then drops it) or after it (when the count says the load overlapped, and it is
   * not put). Without it a value read before a change could sit in the cache for a moment after
   * the purge, long enough for another reader to render a page from it that nothing purges.
   */
  private final ReadWriteLock putOrPurge = new ReentrantReadWriteLock();

  private final AtomicLong loads = new AtomicLong();

  /** @param maxEntries how many values to keep; 0 keeps none (every get loads) */
  DerivedCache(long maxEntries) {
    this.values = Caffeine.newBuilder().maximumSize(maxEntries).build();
  }

  /**
   * The value under {@code key}, loaded and kept if missing. The loader returns null when there
   * is nothing to keep (then this returns null too).
   */
  public V get(K key, Function<K, Entry<V>> load) {
    var found = values.getIfPresent(key);
    if (found != null) return found.value();
    long before = purges.get();
    loads.incrementAndGet();
    var loaded = load.apply(key);
    if (loaded == null) return null;
    putOrPurge.readLock().lock();
    try {
      if (purges.get() == before) values.put(key, loaded);
    } finally {
      putOrPurge.readLock().unlock();
    }
    return loaded.value();
  }

  /**
   * Drops every value that depends on any of {@code keys}. A scan rather than an index from key to
   * values: changes are rare next to reads, a few thousand entries scan in well under a
   * millisecond, and there is no second structure to keep in step with evictions.
   */
  public void purge(Collection<String> keys) {
    var changed = Set.copyOf(keys);
    putOrPurge.writeLock().lock();
    try {
      purges.incrementAndGet();
      values.asMap().values().removeIf(e -> dependsOn(e, changed));
    } finally {
      putOrPurge.writeLock().unlock();
    }
  }

  private static boolean dependsOn(Entry<?> entry, Set<String> changed) {
    for (var k : entry.keys()) if (changed.contains(k)) return true;
    return false;
  }

  /** Drops what the changes name. */
  void onChanges(List<Change> changes) {
    var keys = new java.util.HashSet<String>();
    changes.forEach(c -> keys.addAll(c.keys()));
    if (!keys.isEmpty()) purge(keys);
  }

  /** How many times a value was loaded (misses), for tests and benchmarks. */
  public long loadCount() {
    return loads.get();
  }
}
