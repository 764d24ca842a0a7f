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
    Instant updatedAt) {}
