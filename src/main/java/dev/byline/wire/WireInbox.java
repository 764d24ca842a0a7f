package dev.byline.wire;

import dev.byline.content.Article;
import dev.byline.content.InvalidInput;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an editor does with a story in the inbox: publish it as it is, make a draft of it to edit
 * (linked to the story, so later versions flag it), or ignore it; and preview it with the real
 * article template before deciding.
 */
public final class WireInbox {
  private static final Logger log = LoggerFactory.getLogger(WireInbox.class);

  private final WireDesk desk;

  public WireInbox(WireDesk desk) {
    this.desk = desk;
  }

  /** Publishes the story's latest version now (or schedules it for its embargo). Returns the article id. */
  public long publish(long storyId, String by) {
    long id = desk.db().inTransaction(tx -> {
      var story = desk.store()
          .story(tx, storyId)
          .orElseThrow(() -> new InvalidInput("story", "does not exist"));
      var stored = desk.store().item(tx, story.itemId());
      checkUsable(story, stored.item());
      var now = desk.clock().instant();
      if (story.articleId() != null) {
        desk.rebuild(tx, story.articleId(), now);
        desk.articles().publish(tx, story.articleId());
        desk.store().setState(tx, story.id(), StoryState.PUBLISHED, "", story.articleId(), now);
        return story.articleId();
      }
      var source = desk.source(story.source());
      var placement = desk.placement(source, source.ruleFor(stored.item()), WireDesk.Options.NONE);
      return desk.publishStory(tx, story, stored.item(), stored.imageIds(), placement, false, now);
    });
    log.info("event=wire_published_by_editor story={} article={} by=\"{}\"", storyId, id, by);
    return id;
  }

  /** Makes a draft article from the story for an editor to work on. Returns its id. */
  public long draft(long storyId, String by) {
    long id = desk.db().inTransaction(tx -> {
      var story = desk.store()
          .story(tx, storyId)
          .orElseThrow(() -> new InvalidInput("story", "does not exist"));
      if (story.articleId() != null) return story.articleId();
      var stored = desk.store().item(tx, story.itemId());
      var source = desk.source(story.source());
      var placement = desk.placement(source, source.ruleFor(stored.item()), WireDesk.Options.NONE);
      var draft =
          desk.composer().compose(tx, source, stored.item(), stored.imageIds(), placement, null);
      long articleId = desk.articles().create(tx, draft);
      var now = desk.clock().instant();
      desk.store().setState(tx, story.id(), StoryState.DRAFT, "", articleId, now);
      return articleId;
    });
    log.info("event=wire_drafted story={} article={} by=\"{}\"", storyId, id, by);
    return id;
  }

  public void ignore(long storyId, String by) {
    desk.db().useTransaction(tx -> {
      var story = desk.store()
          .story(tx, storyId)
          .orElseThrow(() -> new InvalidInput("story", "does not exist"));
      if (story.state() == StoryState.PUBLISHED || story.state() == StoryState.SCHEDULED) {
        throw new InvalidInput("story", "is already published; unpublish its article instead");
      }
      desk.store()
          .setState(
              tx,
              story.id(),
              StoryState.IGNORED,
              "",
              story.articleId(),
              desk.clock().instant());
    });
    log.info("event=wire_ignored story={} by=\"{}\"", storyId, by);
  }

  /**
   * The article the story would become, as published now, without storing anything: built in a
   * transaction that is rolled back, so the real template can render it.
   */
  public Optional<Article> preview(long storyId) {
    return desk.db().rolledBack(tx -> {
      var story = desk.store().story(tx, storyId);
      if (story.isEmpty()) return Optional.<Article>empty();
      var stored = desk.store().item(tx, story.get().itemId());
      var source = desk.source(story.get().source());
      var placement = desk.placement(source, source.ruleFor(stored.item()), WireDesk.Options.NONE);
      var draft =
          desk.composer().compose(tx, source, stored.item(), stored.imageIds(), placement, null);
      long id = desk.articles().create(tx, draft);
      desk.articles().publish(tx, id);
      return desk.articles().byId(tx, id);
    });
  }

  private static void checkUsable(Story story, WireItem item) {
    if (item.pubStatus() == PubStatus.CANCELED)
      throw new InvalidInput("story", "was killed by the agency and must not be published");
    if (item.pubStatus() == PubStatus.WITHHELD)
      throw new InvalidInput("story", "is withheld by the agency for now");
  }
}
