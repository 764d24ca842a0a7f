package dev.byline.delivery;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a webhook subscriber can hear about: an article's change, named as in the change feed, or
 * any change to its live coverage (a post added, edited, pinned or taken down; coverage started
 * or ended), sent as {@code article.live} with the change's own action beside it.
 */
public enum Event {
  PUBLISHED,
  UPDATED,
  UNPUBLISHED,
  DELETED,
  LIVE;

  /** The name in payloads, forms and the change feed, e.g. {@code published}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The event an article change in the feed means, if subscribers hear of it at all. */
  public static Optional<Event> ofAction(String action) {
    return Arrays.stream(values()).filter(e -> e.wireName().equals(action)).findFirst();
  }
}
