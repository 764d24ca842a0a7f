package dev.byline.wire;

import java.time.Instant;

/**
 * A story on the desk: the latest version of one (source, guid) and what became of it.
 *
 * @param itemId the stored latest version
 * @param flag a note for editors when the agency changed something they should see ("Killed by
 *     the agency"); empty otherwise
 * @param articleId the article it produced; null while it waits in the inbox
 */
public record Story(
    long id,
    String source,
    String guid,
    long itemId,
    long version,
    Instant versionCreated,
    StoryState state,
    String flag,
    Long articleId,
    ItemKind kind,
    String headline,
    Instant firstReceived,
    Instant updatedAt) {

  /**
   * What every version of this story shares wherever it came from. A guid that is a URI ({@code
   * tag:}, {@code urn:}, {@code http:}), as NewsML-G2, ninjs and most feeds give, names the story
   * worldwide, so the same agency story taken from a feed and from an archive import is one story;
   * any other guid is only unique within its source.
   */
  public static String key(String source, String guid) {
    return GLOBAL_ID.matcher(guid).matches() ? guid : source + ":" + guid;
  }

  private static final java.util.regex.Pattern GLOBAL_ID =
      java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");
}
