package dev.byline.site;

import java.time.Instant;
import java.util.Set;

/**
 * A response as a page class produced it, before caching.
 *
 * @param keys surrogate keys of everything the page shows; a change to any purges it
 * @param lastModified the newest content on the page, for Last-Modified; may be null
 * @param cacheControl how long browsers and shared caches may keep it; pages take {@link
 *     PageCache#CACHE_CONTROL}
 */
public record RenderedPage(
    int status,
    String contentType,
    byte[] body,
    Set<String> keys,
    Instant lastModified,
    String cacheControl) {
  public static final String HTML = "text/html; charset=utf-8";

  public RenderedPage {
    keys = Set.copyOf(keys);
    if (cacheControl == null) cacheControl = PageCache.CACHE_CONTROL;
  }

  /** A page kept as pages are ({@link PageCache#CACHE_CONTROL}). */
  public RenderedPage(
      int status, String contentType, byte[] body, Set<String> keys, Instant lastModified) {
    this(status, contentType, body, keys, lastModified, PageCache.CACHE_CONTROL);
  }

  public static RenderedPage html(byte[] body, Set<String> keys, Instant lastModified) {
    return new RenderedPage(200, HTML, body, keys, lastModified);
  }
}
