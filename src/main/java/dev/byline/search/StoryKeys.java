package dev.byline.search;

/**
 * Tells which wire story an article is a version of, so that other versions of the same story
 * are never offered as related reading. Articles from one agency item share a key such as
 * {@code "reuters:tag:reuters.com,2016:newsml_L1N14N0FF"}; articles written in the newsroom have
 * none. Near-duplicate text is caught anyway; this catches versions that were rewritten.
 */
@FunctionalInterface
public interface StoryKeys {
  /** The story key of the article with this id, or null when it is not a version of a wire story. */
  String of(long articleId);

  StoryKeys NONE = articleId -> null;
}
