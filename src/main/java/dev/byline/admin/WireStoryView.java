package dev.byline.admin;

import dev.byline.wire.Story;
import dev.byline.wire.WireItem;
import dev.byline.wire.WireStore;
import java.util.List;

/** One story on the wire desk: every field the agency sent, its versions, and what an editor can do. */
public record WireStoryView(
    AdminChrome chrome,
    Story story,
    WireItem item,
    List<WireStore.StoredItem> versions,
    String articlePath,
    String error) {

  public boolean canPublish() {
    return item.pubStatus() == dev.byline.wire.PubStatus.USABLE
        && story.state() != dev.byline.wire.StoryState.PUBLISHED
        && story.state() != dev.byline.wire.StoryState.SCHEDULED;
  }

  public boolean canIgnore() {
    return story.state() == dev.byline.wire.StoryState.NEW
        || story.state() == dev.byline.wire.StoryState.KILLED
        || story.state() == dev.byline.wire.StoryState.WITHHELD;
  }
}
