package dev.byline.content;

import dev.byline.media.ImageStore;
import dev.byline.store.Tx;

/**
 * Checks that what a draft refers to exists, asking each thing's own store, so a save naming a
 * missing section, picture, topic or author is refused with the field named rather than failing
 * on a foreign key.
 */
final class References {
  private final SectionStore sections;
  private final TopicStore topics;
  private final AuthorStore authors;
  private final ImageStore images;

  References(SectionStore sections, TopicStore topics, AuthorStore authors, ImageStore images) {
    this.sections = sections;
    this.topics = topics;
    this.authors = authors;
    this.images = images;
  }

  void check(Tx tx, ArticleDraft d) {
    if (d.sectionId() != null && !sections.exists(tx, d.sectionId()))
      throw new InvalidInput("section", "does not exist");
    if (d.featuredImageId() != null && !images.exists(tx, d.featuredImageId()))
      throw new InvalidInput("featured image", "does not exist");
    for (var b : d.body()) {
      if (b instanceof Block.ImageBlock ib && !images.exists(tx, ib.imageId()))
        throw new InvalidInput("body image", "image " + ib.imageId() + " does not exist");
    }
    for (var t : d.topicIds()) {
      if (!topics.exists(tx, t)) throw new InvalidInput("topics", "topic " + t + " does not exist");
    }
    for (var a : d.authorIds()) {
      if (!authors.exists(tx, a))
        throw new InvalidInput("bylines", "author " + a + " does not exist");
    }
  }
}
