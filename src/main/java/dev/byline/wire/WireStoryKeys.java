package dev.byline.wire;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.byline.search.StoryKeys;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Story keys from the wire desk's records: an article made from an agency story carries that
 * story's {@link Story#key}, so the related engine never offers one version of a story as
 * reading beside another.
 *
 * <p>An article's key never changes once it exists: the desk links an article to its story in
 * the transaction that makes it, and a story that joins an article later (a package and its
 * text) comes after the first. So keys, and the absence of one, are kept once read, and
 * rendering an article's related links costs no query after the first time.
 */
final class WireStoryKeys implements StoryKeys {
  /** Enough for every article a busy site renders in a day; each entry is a few dozen bytes. */
  static final int CACHED_ARTICLES = 100_000;

  private final WireStore store;
  private final Cache<Long, Optional<String>> keys =
      Caffeine.newBuilder().maximumSize(CACHED_ARTICLES).build();

  WireStoryKeys(WireStore store) {
    this.store = store;
  }

  @Override
  public String of(long articleId) {
    return keys.get(
            articleId, id -> Optional.ofNullable(store.storyKeys(List.of(id)).get(id)))
        .orElse(null);
  }

  @Override
  public Map<Long, String> ofAll(Collection<Long> articleIds) {
    var found = store.storyKeys(articleIds);
    for (long id : articleIds) keys.put(id, Optional.ofNullable(found.get(id)));
    return found;
  }
}
