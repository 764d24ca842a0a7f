package dev.byline.migrate;

import dev.byline.content.ArticleStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * What a WordPress status becomes, in one place, because this is where a migration leaks or
 * does not: only {@code publish} is published, and only when WordPress showed it to everyone;
 * everything else stays in the newsroom.
 */
final class PostRules {
  private PostRules() {}

  /** What the import does with one post or page. */
  sealed interface Decision permits Import, Skip {}

  /**
   * Import in {@code status}. {@code published} is the original publication time for published
   * articles; {@code scheduledAt} the time a scheduled one goes out. {@code note} says why the
   * status differs from WordPress's, or is empty.
   */
  record Import(
      ArticleStatus status, Instant published, Instant updated, Instant scheduledAt, String note)
      implements Decision {}

  record Skip(String reason) implements Decision {}

  /** Posts and pages in any status but the trash (and WordPress's own automatic drafts and revisions). */
  static boolean becomesArticle(WxrItem item) {
    return (item.type().equals("post") || item.type().equals("page"))
        && !item.status().equals("trash")
        && !item.status().equals("auto-draft")
        && !item.status().equals("inherit");
  }

  /**
   * True when WordPress showed the item to everyone and the import will publish it: what may give
   * a section, a topic or an author a public page and an old address.
   */
  static boolean isPublic(WxrItem item, boolean publishPages) {
    return item.status().equals("publish")
        && item.password().isEmpty()
        && (item.type().equals("post") || item.type().equals("page") && publishPages);
  }

  static Decision decide(WxrItem item, ZoneId zone, Instant now, boolean publishPages) {
    if (!item.type().equals("post") && !item.type().equals("page"))
      return new Skip(
          "a WordPress \"" + item.type()
              + "\", not a post or page (menus, reusable blocks, templates and plugin data stay behind)");
    var date = item.date(zone);
    var modified = item.modified();
    var updated = modified != null && date != null && modified.isAfter(date.plusSeconds(59))
        ? modified
        : null;
    return switch (item.status()) {
      case "trash" -> new Skip("in WordPress's trash");
      case "auto-draft" -> new Skip("an automatic draft WordPress made, never written");
      case "inherit" -> new Skip("a revision of another post");
      case "publish" -> published(item, date, updated, publishPages);
      case "future" -> future(date, now);
      case "draft" -> draft("");
      case "pending" -> new Import(ArticleStatus.IN_REVIEW, null, null, null, "");
      case "private" -> draft("private in WordPress (only its editors saw it); kept as a draft");
      default ->
        draft("status \"" + item.status() + "\" is not one of WordPress's own; kept as a draft");
    };
  }

  private static Decision published(
      WxrItem item, Instant date, Instant updated, boolean publishPages) {
    if (!item.password().isEmpty())
      return draft(
          "password-protected in WordPress; kept as a draft, since Byline has no protected articles");
    if (item.type().equals("page") && !publishPages)
      return draft(
          "a page; kept as a draft, since Byline has no static pages (--publish-pages publishes pages as articles)");
    if (date == null)
      return draft(
          "published in WordPress without a date; kept as a draft for an editor to date and publish");
    return new Import(ArticleStatus.PUBLISHED, date, updated, null, "");
  }

  private static Decision future(Instant date, Instant now) {
    if (date == null) return draft("scheduled in WordPress without a date; kept as a draft");
    if (date.isAfter(now)) return new Import(ArticleStatus.SCHEDULED, null, null, date, "");
    return draft("was scheduled for " + DateTimeFormatter.ISO_INSTANT.format(date)
        + ", which has passed; kept as a draft for an editor to publish");
  }

  private static Import draft(String note) {
    return new Import(ArticleStatus.DRAFT, null, null, null, note);
  }
}
