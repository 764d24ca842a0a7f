package dev.byline.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.byline.store.Change;
import dev.byline.store.SurrogateKey;
import dev.byline.web.Gzip;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Rendered pages in memory, with precompressed gzip bytes and strong ETags. Pages are the same
 * bytes for every reader, so one copy serves everyone, and an HTTP cache in front can hold them
 * too, purged by the {@code Surrogate-Key} header.
 *
 * <p>Entries are purged by surrogate key as the change feed reports changes. Concurrent
 * requests for the same missing page wait for one render. A render that overlaps a purge is
 * served but not kept, so a page rendered from data older than a change never outlives it.
 *
 * <pre>{@code
 * cache.serve(ctx, "/world?page=2", () -> RenderedPage.html(bytes, Set.of("section:3"), when));
 * }</pre>
 */
public final class PageCache {
  /** Enough for every article of a busy day and all list pages, a small part of a 1 GB heap. */
  public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
  /**
   * Readers' browsers revalidate after a minute; shared caches may serve stale briefly while
   * refetching. A page may ask for another ({@link RenderedPage#cacheControl}).
   */
  public static final String CACHE_CONTROL =
      "public, max-age=60, stale-while-revalidate=60, stale-if-error=86400";

  private final Cache<String, CompletableFuture<CachedPage>> pages;
  private final ConcurrentHashMap<String, Set<String>> keysByTag = new ConcurrentHashMap<>();
  private final AtomicLong purges = new AtomicLong();
  private final AtomicLong renders = new AtomicLong();
  // Incremented on every hit, so a LongAdder: hits come from many request threads at once.
  private final java.util.concurrent.atomic.LongAdder hits =
      new java.util.concurrent.atomic.LongAdder();

  private final boolean enabled;
  /** When a copy was rendered, for If-Modified-Since. */
  private final Clock clock;

  /** @param maxBytes memory for cached pages; 0 turns caching off (every request renders, for benchmarks) */
  public PageCache(long maxBytes, Clock clock) {
    this.clock = clock;
    this.enabled = maxBytes > 0;
    this.pages = Caffeine.newBuilder()
        // Removal listeners run on the thread that removes, not later on a pool: run late, the
        // listener for a purged copy could untag the copy rendered after it under the same key,
        // which the next purge would then miss, leaving it stale for good.
        .executor(Runnable::run)
        .maximumWeight(maxBytes)
        .weigher((String k, CompletableFuture<CachedPage> f) ->
            f.isDone() && !f.isCompletedExceptionally() ? f.join().weight() : 1024)
        .removalListener(this::removed)
        .build();
  }

  /** Drops a removed copy's tags, unless a newer copy under the same key already holds them. */
  private void removed(
      String key,
      CompletableFuture<CachedPage> f,
      com.github.benmanes.caffeine.cache.RemovalCause cause) {
    if (cause == com.github.benmanes.caffeine.cache.RemovalCause.REPLACED) return;
    if (key == null || f == null || !f.isDone() || f.isCompletedExceptionally()) return;
    var now = pages.asMap().get(key);
    if (now == null || now == f) untag(key, f.join().keys());
  }

  /** Serves the page under {@code key} from memory, rendering it once if missing. */
  public void serve(Context ctx, String key, Supplier<RenderedPage> render) {
    var page = get(key, render);
    write(ctx, page);
  }

  CachedPage get(String key, Supplier<RenderedPage> render) {
    if (!enabled) {
      renders.incrementAndGet();
      return CachedPage.of(render.get(), clock.instant());
    }
    var map = pages.asMap();
    var existing = map.get(key);
    if (existing != null) {
      hits.increment();
      return join(existing);
    }
    var mine = new CompletableFuture<CachedPage>();
    existing = map.putIfAbsent(key, mine);
    if (existing != null) return join(existing);
    long purgesBefore = purges.get();
    try {
      renders.incrementAndGet();
      var page = CachedPage.of(render.get(), clock.instant());
      mine.complete(page);
      if (page.status() >= 300 && page.status() != 410) {
        map.remove(key, mine);
      } else {
        tag(key, page.keys());
        // Re-put so the weigher sees the finished page's real size.
        map.replace(key, mine, mine);
        if (purges.get() != purgesBefore) map.remove(key, mine);
      }
      return page;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      map.remove(key, mine);
      throw e;
    }
  }

  /** The finished page under {@code key}, or null when it is missing or still rendering. */
  CachedPage peek(String key) {
    var f = pages.getIfPresent(key);
    if (f == null || !f.isDone() || f.isCompletedExceptionally()) return null;
    hits.increment();
    return f.join();
  }

  /** Drops every page that depends on any of the keys. */
  public void purge(Set<String> keys) {
    purges.incrementAndGet();
    if (keys.contains(SurrogateKey.SECTIONS)) { // every page shows the section navigation
      pages.invalidateAll();
      keysByTag.clear();
      return;
    }
    for (var tag : keys) {
      var cacheKeys = keysByTag.remove(tag);
      if (cacheKeys != null) pages.invalidateAll(cacheKeys);
    }
  }

  /** The change-feed listener: purges what each change names. */
  public void onChanges(List<Change> changes) {
    var keys = new java.util.HashSet<String>();
    changes.forEach(c -> keys.addAll(c.keys()));
    if (!keys.isEmpty()) purge(keys);
  }

  public void clear() {
    purges.incrementAndGet();
    pages.invalidateAll();
    keysByTag.clear();
  }

  /** How many times a page was rendered (misses), for tests and metrics. */
  public long renderCount() {
    return renders.get();
  }

  /** How many requests were answered from memory, for metrics. */
  public long hitCount() {
    return hits.sum();
  }

  public long size() {
    pages.cleanUp();
    return pages.estimatedSize();
  }

  private void tag(String key, Set<String> tags) {
    for (var t : tags)
      keysByTag.computeIfAbsent(t, x -> ConcurrentHashMap.newKeySet()).add(key);
  }

  private void untag(String key, Set<String> tags) {
    for (var t : tags) {
      keysByTag.computeIfPresent(t, (x, set) -> {
        set.remove(key);
        return set.isEmpty() ? null : set;
      });
    }
  }

  private static CachedPage join(CompletableFuture<CachedPage> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw e;
    }
  }

  /**
   * If-Modified-Since counts only without If-None-Match (RFC 9110 13.1.3), and only for a page
   * whose Last-Modified is known and which is not an error. The date must also be no earlier than
   * this copy was rendered: a list's Last-Modified is its newest story, which can move back in
   * time when that story is taken down, so the date alone could wrongly answer 304.
   */
  static boolean notModifiedSince(Context ctx, CachedPage page) {
    if (page.lastModified() == null || page.status() != 200 || ctx.header("If-None-Match") != null)
      return false;
    var since = ctx.header("If-Modified-Since");
    if (since == null) return false;
    try {
      var t = java.time.ZonedDateTime.parse(since.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
          .toInstant();
      var seconds = java.time.temporal.ChronoUnit.SECONDS;
      return !page.lastModified().truncatedTo(seconds).isAfter(t)
          && !page.renderedAt().truncatedTo(seconds).minusSeconds(1).isAfter(t);
    } catch (java.time.format.DateTimeParseException e) {
      return false; // an unreadable date is ignored, as the RFC asks
    }
  }

  static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  static void write(Context ctx, CachedPage page) {
    boolean gzip = Gzip.accepted(ctx);
    var etag = gzip ? page.gzipEtag() : page.etag();
    ctx.header("ETag", etag);
    ctx.header("Vary", "Accept-Encoding");
    ctx.header("Cache-Control", page.cacheControl());
    ctx.header("Surrogate-Key", page.surrogateKeys());
    ctx.header("Cache-Tag", page.surrogateKeys().replace(' ', ','));
    if (page.lastModified() != null)
      ctx.header("Last-Modified", HTTP_DATE.format(page.lastModified()));
    if (page.matches(ctx.header("If-None-Match")) || notModifiedSince(ctx, page)) {
      ctx.status(304);
      return;
    }
    ctx.status(page.status());
    ctx.contentType(page.contentType());
    if (gzip) {
      ctx.header("Content-Encoding", "gzip");
      ctx.result(page.gzip());
    } else {
      ctx.result(page.body());
    }
  }
}
