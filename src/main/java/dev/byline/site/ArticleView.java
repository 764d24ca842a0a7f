package dev.byline.site;

import dev.byline.content.Article;
import dev.byline.content.ArticleSummary;
import dev.byline.content.Block;
import java.util.List;
import java.util.Map;

/**
 * An article page. {@code body} is the article's blocks with "READ:" links placed; {@code links}
 * resolves every related-link block to the article it points at; {@code extras} holds the ad
 * slots placed between blocks and how embeds render; {@code live} is the article's live coverage,
 * or null when it has never been live.
 */
public record ArticleView(
    Chrome chrome,
    Meta meta,
    Dates dates,
    Article article,
    List<Block> body,
    Map<Long, ArticleSummary> links,
    List<ArticleSummary> related,
    List<Breadcrumb> crumbs,
    BodyExtras extras,
    LiveView live) {
  public ArticleView {
    body = List.copyOf(body);
    links = Map.copyOf(links);
    related = List.copyOf(related);
    crumbs = List.copyOf(crumbs);
  }
}
