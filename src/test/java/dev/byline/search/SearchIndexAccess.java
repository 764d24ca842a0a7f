package dev.byline.search;

import java.util.List;

/** What tests may ask of the index beyond its public surface: the plain MoreLikeThis baseline. */
public final class SearchIndexAccess {
  private SearchIndexAccess() {}

  public static List<Long> plainMoreLikeThis(SearchIndex index, long articleId, int limit) {
    return index.plainMoreLikeThis(articleId, limit);
  }
}
