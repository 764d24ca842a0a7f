package dev.byline.site;

import dev.byline.content.Article;
import dev.byline.content.ArticleSummary;
import dev.byline.i18n.Messages;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The full text of a story as feeds carry it: the body blocks as plain HTML with every URL
 * absolute (a feed reader has no base to resolve against), embeds as links, no scripts.
 *
 * @param links pinned related stories by id, for "Read:" links
 */
public record FeedTextView(
    Article article, Map<Long, ArticleSummary> links, String baseUrl, String siteName, Messages t) {
  /** Root-relative URLs in sanitised HTML: the sanitizer always writes double-quoted attributes. */
  private static final Pattern ROOT_RELATIVE = Pattern.compile("(\\s(?:href|src)=\")/(?!/)");

  public FeedTextView {
    links = Map.copyOf(links);
  }

  public String absolute(String path) {
    return absolute(baseUrl, path);
  }

  /** Sanitised HTML with root-relative links and sources made absolute. */
  public String absoluteLinks(String html) {
    return absoluteLinks(baseUrl, html);
  }

  static String absolute(String baseUrl, String path) {
    return path.startsWith("/") && !path.startsWith("//") ? baseUrl + path : path;
  }

  static String absoluteLinks(String baseUrl, String html) {
    return ROOT_RELATIVE
        .matcher(html)
        .replaceAll("$1" + java.util.regex.Matcher.quoteReplacement(baseUrl) + "/");
  }
}
