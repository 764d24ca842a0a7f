package dev.byline.wire;

/**
 * A well-formed file that does not carry a story: an event, a planning item, a concept, a
 * schema, a metadata-only item. Reported like any unreadable file, with what it is instead.
 */
public final class NotAStory extends WireFormatException {
  public NotAStory(String where, String reason) {
    super(where, reason);
  }
}
