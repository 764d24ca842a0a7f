package dev.byline.curation;

import dev.byline.content.Text;

/**
 * A named set of stories editors keep together ("Gaza truce"), shown as a block.
 *
 * @param onFront whether the block shows on the front page
 * @param sectionId the section whose front shows the block too; null for none
 * @param position order among blocks, smaller first
 */
public record StoryCollection(long id, String name, boolean onFront, Long sectionId, int position) {
  public static final int MAX_NAME = 80;

  public StoryCollection {
    name = Text.required("name", name, MAX_NAME);
  }

  /** The id of the block's heading, unique on a page. */
  public String anchor() {
    return "collection-" + id;
  }
}
