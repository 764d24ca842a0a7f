package dev.byline.migrate;

import dev.byline.content.ArticleDraft;
import java.time.Instant;
import java.util.List;

/**
 * What an import will do with one post, decided before anything is written: the article to
 * store (null when skipped), its status and dates, its old addresses, its comments, and the
 * notes for the report. WordPress and Ghost imports both make these; {@link PlanWriter} stores them.
 *
 * @param kind the ledger's kind ("post" for every WordPress item but attachments)
 * @param type what the report calls it ("post", "page", "nav_menu_item")
 * @param sourceId the export's own id for the post
 */
record Plan(
    String kind,
    String type,
    String sourceId,
    String title,
    PostRules.Decision decision,
    ArticleDraft draft,
    List<String> legacy,
    List<PlannedComment> comments,
    Notes notes) {

  Plan {
    legacy = List.copyOf(legacy);
    comments = List.copyOf(comments);
  }

  static Plan skip(String kind, String type, String sourceId, String title, String reason) {
    return new Plan(
        kind,
        type,
        sourceId,
        title,
        new PostRules.Skip(reason),
        null,
        List.of(),
        List.of(),
        new Notes());
  }

  /** A comment to keep with the article; {@code status} is "approved" or "pending". */
  record PlannedComment(
      String sourceId,
      String parentId,
      String authorName,
      String authorEmail,
      String authorUrl,
      Instant postedAt,
      String status,
      String kind,
      String body) {}
}
