package dev.byline.live;

import dev.byline.content.Block;
import dev.byline.content.InvalidInput;
import java.util.List;

/**
 * What an editor submits for a post: the Markdown and the blocks made from it at the edge.
 *
 * @param postedBy who posts it, shown in the newsroom only
 */
public record PostDraft(
    String markdown, List<Block> body, boolean keyPoint, boolean pinned, String postedBy) {
  /** A live post is short; this is several screens, and bounds what one poll sends. */
  public static final int MAX_MARKDOWN = 20_000;

  public PostDraft {
    markdown = markdown == null ? "" : markdown.strip();
    if (markdown.length() > MAX_MARKDOWN)
      throw new InvalidInput("post", "is longer than " + MAX_MARKDOWN + " characters");
    body = List.copyOf(body);
    if (body.isEmpty()) throw new InvalidInput("post", "is empty");
    postedBy = postedBy == null ? "" : postedBy;
  }
}
