package dev.byline.site;

import dev.byline.content.Article;
import dev.byline.content.ArticleSummary;
import dev.byline.content.Block;
import dev.byline.content.PublishedArticles;
import dev.byline.web.Views;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;

/** Renders a story's full text for feeds with the {@code feed/content.jte} template. */
public final class FeedText {
  private final Views views;
  private final PublishedArticles articles;
  private final String baseUrl;
  private final String siteName;

  public FeedText(Views views, PublishedArticles articles, String baseUrl, String siteName) {
    this.views = views;
    this.articles = articles;
    this.baseUrl = baseUrl;
    this.siteName = siteName;
  }

  public String html(Article article) {
    var ids = new LinkedHashSet<Long>();
    for (var b : article.body()) if (b instanceof Block.RelatedLink r) ids.add(r.articleId());
    var links = new HashMap<Long, ArticleSummary>();
    articles.summaries(ids).forEach(s -> links.put(s.id(), s));
    var bytes =
        views.render("feed/content.jte", new FeedTextView(article, links, baseUrl, siteName));
    return new String(bytes, StandardCharsets.UTF_8).strip();
  }
}
