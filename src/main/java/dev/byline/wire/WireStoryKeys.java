package dev.byline.wire;

import dev.byline.search.StoryKeys;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Story keys from the wire desk's records: an article made from an agency story carries that
 * story's {@link Story#key}, so the related engine never offers one version of a story as
 * reading beside another.
 */
final class WireStoryKeys implements StoryKeys {
  private final WireStore store;

  WireStoryKeys(WireStore store) {
    this.store = store;
  }

  @Override
  public String of(long articleId) {
    return store.storyKeys(List.of(articleId)).get(articleId);
  }

  @Override
  public Map<Long, String> ofAll(Collection<Long> articleIds) {
    return store.storyKeys(articleIds);
  }
}
