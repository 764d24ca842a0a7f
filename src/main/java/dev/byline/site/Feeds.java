package dev.byline.site;

import dev.byline.distribution.FeedFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a page's feeds live, for autodiscovery links: the page at {@code /world} has its feeds
 * at {@code /feed/world/rss.xml}, {@code atom.xml} and {@code feed.json}; the front page at
 * {@code /feed/rss.xml}... {@link FeedRoutes} serves them.
 */
final class Feeds {
  private Feeds() {}

  /** Autodiscovery links (RSS, Atom, JSON Feed) for the list page at {@code path}. */
  static List<Meta.FeedLink> linksFor(Chrome chrome, String path, String title) {
    var folder = path.equals("/") || path.isEmpty() ? "/feed/" : "/feed" + path + "/";
    var name =
        title.equals(chrome.siteName()) ? chrome.siteName() : title + " | " + chrome.siteName();
    var links = new ArrayList<Meta.FeedLink>();
    for (var f : FeedFormat.values())
      links.add(new Meta.FeedLink(
          f.mediaType(), name + " (" + f.label() + ")", chrome.absolute(folder + f.fileName())));
    return links;
  }

  /** An article links the front page's feeds and its section's, and a live one its posts' feed. */
  static List<Meta.FeedLink> linksForArticle(
      Chrome chrome, dev.byline.content.Article article, LiveView live) {
    var links = new ArrayList<Meta.FeedLink>();
    if (live != null)
      links.add(new Meta.FeedLink(
          FeedFormat.ATOM.mediaType(),
          chrome.t().text("live.feed.title", article.headline()) + " | " + chrome.siteName(),
          chrome.absolute(live.feedUrl())));
    links.addAll(linksFor(chrome, "/", chrome.siteName()));
    if (article.section() != null)
      links.addAll(linksFor(chrome, article.section().path(), article.section().name()));
    return links;
  }
}
