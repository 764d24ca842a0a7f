package dev.byline.live;

import dev.byline.content.Block;
import dev.byline.content.Html;
import java.time.Instant;
import java.util.List;

/**
 * One post of a live coverage.
 *
 * @param editedAt when the post was last changed after posting, or null
 * @param postedBy the name of the newsroom member who posted it, for the newsroom only
 * @param markdown what the editor wrote, kept for editing
 * @param body the blocks made from it, as readers see them
 * @param deleted true for a post taken down; it stays stored so pages already showing it learn so
 */
public record LivePost(
    long id,
    long articleId,
    Instant postedAt,
    Instant editedAt,
    String postedBy,
    String markdown,
    List<Block> body,
    boolean keyPoint,
    boolean pinned,
    boolean deleted) {
  /** Google shows up to 110 characters of a headline; a post's first words stand in for one. */
  static final int HEADLINE_CHARS = 110;

  public LivePost {
    body = List.copyOf(body);
  }

  /** The post's words, for feeds and structured data. */
  public String text() {
    var words = new StringBuilder();
    for (var b : body) {
      var t = Html.collapseSpace(b.text()).strip();
      if (t.isEmpty()) continue;
      if (!words.isEmpty()) words.append(' ');
      words.append(t);
    }
    return words.toString();
  }

  /** The first words of the post, for a headline where one is required. */
  public String headline() {
    var t = text();
    if (t.isEmpty()) return "Update";
    return t.length() <= HEADLINE_CHARS ? t : t.substring(0, HEADLINE_CHARS - 1).strip() + "…";
  }

  /** The fragment id readers and feeds link to: {@code post-12}. */
  public String anchor() {
    return "post-" + id;
  }

  public Instant lastChanged() {
    return editedAt == null ? postedAt : editedAt;
  }
}
