package dev.byline.site;

import java.util.List;

/** Where a page's feeds live, for autodiscovery links. The feeds themselves are served elsewhere. */
final class Feeds {
  private Feeds() {}

  /** Autodiscovery links for a page at {@code path}; empty until the feed routes exist. */
  static List<Meta.FeedLink> linksFor(Chrome chrome, String path, String title) {
    return List.of();
  }
}
