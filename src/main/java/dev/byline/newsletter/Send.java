package dev.byline.newsletter;

import java.time.Instant;
import java.util.List;

/**
 * One mailing and how far it has gone.
 *
 * @param key what makes it once only: {@code briefing:2026-12-07}, {@code alert:42}
 * @param recipients confirmed subscribers when it was made, each given one message
 */
public record Send(
    long id,
    String key,
    String kind,
    String subject,
    List<Story> stories,
    String createdBy,
    Instant createdAt,
    int recipients) {
  public static final String BRIEFING = "briefing";
  public static final String ALERT = "alert";
  public static final String CONFIRM = "confirm";

  /** Messages of a send by state, for the admin page. */
  public record Progress(Send send, int pending, int sent, int failed, int skipped) {}
}
