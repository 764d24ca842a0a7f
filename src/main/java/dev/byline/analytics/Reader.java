package dev.byline.analytics;

/**
 * What the request that carried a beacon says about who sent it. Passed through to be filtered
 * and hashed, then dropped: nothing here is kept.
 *
 * @param ip the reader's address as the site sees it
 * @param userAgent the User-Agent header, or empty
 * @param prefetch whether the request says it was a prefetch or prerender, not a reader
 * @param objects whether the reader's browser asks not to be counted (Global Privacy Control
 *     or Do Not Track)
 */
public record Reader(String ip, String userAgent, boolean prefetch, boolean objects) {
  public Reader {
    ip = ip == null ? "" : ip;
    userAgent = userAgent == null ? "" : userAgent;
  }

  /** A reader whose browser sends no objection. */
  public Reader(String ip, String userAgent, boolean prefetch) {
    this(ip, userAgent, prefetch, false);
  }
}
