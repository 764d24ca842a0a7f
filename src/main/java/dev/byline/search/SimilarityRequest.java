package dev.byline.search;

import java.util.Set;

/**
 * What to find similar articles for: the text as it is now (so drafts and previews work too),
 * and what to leave out.
 *
 * @param articleId the article itself, never returned (0 for a text not stored yet)
 * @param exclude other ids never to return (e.g. blocked by an editor)
 * @param limit how many candidates to return, best first
 */
public record SimilarityRequest(
    long articleId, String headline, String standfirst, String body, Set<Long> exclude, int limit) {
  public SimilarityRequest {
    headline = headline == null ? "" : headline;
    standfirst = standfirst == null ? "" : standfirst;
    body = body == null ? "" : body;
    exclude = Set.copyOf(exclude);
    if (limit < 1 || limit > 200)
      throw new IllegalArgumentException("limit must be 1 to 200, not " + limit);
  }
}
