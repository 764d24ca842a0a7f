package dev.byline.site;

import dev.byline.content.Article;
import dev.byline.content.ArticleSummary;
import dev.byline.content.Block;
import dev.byline.content.PublishedArticles;
import dev.byline.distribution.FeedBuilder;
import dev.byline.i18n.Messages;
import dev.byline.web.Views;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;

/**
 * Renders what feed items carry: a story's full text ({@code feed/content.jte}), or for a story
 * too long for an item its summary and a link ({@code feed/teaser.jte}).
 */
public final class FeedText implements FeedBuilder.ItemHtml {
  private final Views views;
  private final PublishedArticles articles;
  private final String baseUrl;
  /** The site's name and words now, as its settings say. */
  private final java.util.function.Supplier<String> siteName;

  private final java.util.function.Supplier<Messages> messages;

  public FeedText(
      Views views,
      PublishedArticles articles,
      String baseUrl,
      java.util.function.Supplier<String> siteName,
      java.util.function.Supplier<Messages> messages) {
    this.views = views;
    this.articles = articles;
    this.baseUrl = baseUrl;
    this.siteName = siteName;
    this.messages = messages;
  }

  @Override
  public String description(String scopeName, String publisherName) {
    return scopeName.isEmpty()
        ? messages.get().text("front.description", publisherName)
        : messages.get().text("feed.description", scopeName, publisherName);
  }

  @Override
  public String fullText(Article article) {
    var ids = new LinkedHashSet<Long>();
    for (var b : article.body()) if (b instanceof Block.RelatedLink r) ids.add(r.articleId());
    var links = new HashMap<Long, ArticleSummary>();
    articles.summaries(ids).forEach(s -> links.put(s.id(), s));
    var bytes = views.render(
        "feed/content.jte",
        new FeedTextView(article, links, baseUrl, siteName.get(), messages.get()));
    return new String(bytes, StandardCharsets.UTF_8).strip();
  }

  @Override
  public String teaser(String summary, String url) {
    return new String(
        views.render("feed/teaser.jte", new FeedTeaserView(summary, url, messages.get())),
        StandardCharsets.UTF_8);
  }

  /** A story's summary and its address, for an item that cannot carry the whole story. */
  public record FeedTeaserView(String summary, String url, Messages t) {}
}
