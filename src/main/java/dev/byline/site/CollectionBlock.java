package dev.byline.site;

import dev.byline.content.ArticleSummary;
import dev.byline.curation.StoryCollection;
import java.util.List;

/** A named collection's stories, shown as a block on the front page or a section front. */
public record CollectionBlock(StoryCollection collection, List<ArticleSummary> stories) {
  public CollectionBlock {
    stories = List.copyOf(stories);
  }
}
