package dev.byline.live;

import dev.byline.media.Image;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An article's live coverage as readers see it.
 *
 * @param endedAt null while the coverage is live
 * @param summary what the editor ended the coverage with; empty while live
 * @param posts every post not deleted, pinned first, then newest first
 * @param images every photo the posts show, by id
 */
public record Coverage(
    long articleId,
    Instant startedAt,
    Instant endedAt,
    String summary,
    List<LivePost> posts,
    Map<Long, Image> images) {
  /** Pinned posts first, then newest first: what readers expect of a live page. */
  static final Comparator<LivePost> READING_ORDER = Comparator.comparing(LivePost::pinned)
      .reversed()
      .thenComparing(LivePost::postedAt, Comparator.reverseOrder())
      .thenComparing(LivePost::id, Comparator.reverseOrder());

  public Coverage {
    summary = summary == null ? "" : summary;
    posts = posts.stream().filter(p -> !p.deleted()).sorted(READING_ORDER).toList();
    images = Map.copyOf(images);
  }

  public boolean isLive() {
    return endedAt == null;
  }

  /** The key points, oldest first, as a story's summary reads. */
  public List<LivePost> keyPoints() {
    return posts.stream()
        .filter(LivePost::keyPoint)
        .sorted(Comparator.comparing(LivePost::postedAt))
        .toList();
  }

  /** The highest post id shown; a reader's page knows of every post up to it. */
  public long latestId() {
    return posts.stream().mapToLong(LivePost::id).max().orElse(0);
  }

  /** When anything shown last changed. */
  public Instant lastChanged() {
    var last = endedAt == null ? startedAt : endedAt;
    for (var p : posts) if (p.lastChanged().isAfter(last)) last = p.lastChanged();
    return last;
  }
}
