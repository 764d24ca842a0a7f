package dev.byline.site;

/** The cache key of a paged list: its path, with the page number past the first. */
final class Params {
  private Params() {}

  static String cacheKey(String path, int page) {
    return page <= 1 ? path : path + "?page=" + page;
  }
}
