package dev.byline.search;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells which wire story an article is a version of, so that other versions of the same story
 * are never offered as related reading. Articles made from one agency story share a key, such
 * as {@code "tag:reuters.com,2016:newsml_L1N14N0FF"}; articles written in the newsroom have
 * none. Near-duplicate text is caught anyway; this catches versions that were rewritten.
 */
@FunctionalInterface
public interface StoryKeys {
  /** The story key of the article with this id, or null when it is not a version of a wire story. */
  String of(long articleId);

  /**
   * The story keys of those of {@code articleIds} that have one: what the index asks for each
   * batch of changed articles. One look-up per article unless an implementation does better.
   */
  default Map<Long, String> ofAll(Collection<Long> articleIds) {
    var out = new HashMap<Long, String>();
    for (long id : articleIds) {
      var key = of(id);
      if (key != null) out.put(id, key);
    }
    return out;
  }

  StoryKeys NONE = articleId -> null;
}
