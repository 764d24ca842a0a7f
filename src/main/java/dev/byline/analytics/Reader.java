package dev.byline.analytics;

/**
 * What the request that carried a beacon says about who sent it. Passed through to be filtered
 * and hashed, then dropped: nothing here is kept.
 *
 * @param ip the reader's address as the site sees it
 * @param userAgent the User-Agent header, or empty
 * @param prefetch whether the request says it was a prefetch or prerender, not a reader
 */
public record Reader(String ip, String userAgent, boolean prefetch) {
  public Reader {
    ip = ip == null ? "" : ip;
    userAgent = userAgent == null ? "" : userAgent;
  }
}
