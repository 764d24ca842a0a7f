package dev.byline.content;

import java.util.List;

/**
 * Chooses what an article links on to. The article page asks this for its body with "READ:"
 * links placed and for the list under it; the related engine provides the real answer, and
 * {@link #NONE} keeps the body as written.
 */
public interface RelatedArticles {

  /**
   * @param body the article body with {@link Block.RelatedLink} blocks placed between paragraphs
   * @param related the "Related" list under the article, best first
   */
  record Plan(List<Block> body, List<ArticleSummary> related) {
    public Plan {
      body = List.copyOf(body);
      related = List.copyOf(related);
    }
  }

  Plan planFor(Article article);

  RelatedArticles NONE = article -> new Plan(article.body(), List.of());
}
