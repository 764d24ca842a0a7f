package dev.byline.admin;

import dev.byline.auth.AuditLog;
import dev.byline.auth.User;
import dev.byline.content.Article;
import dev.byline.content.ArticleStatus;
import dev.byline.content.ArticleStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Moving an article through draft → in review → scheduled → published → unpublished →
 * republished, with the checks each step needs and an audit entry for each. Each method returns
 * the problems that stopped it (empty when done).
 */
final class ArticleWorkflow {
  private final ArticleStore articles;
  private final AuditLog audit;
  private final Clock clock;

  ArticleWorkflow(ArticleStore articles, AuditLog audit, Clock clock) {
    this.articles = articles;
    this.audit = audit;
    this.clock = clock;
  }

  List<String> submit(User user, Article a, String ip) {
    if (a.status() != ArticleStatus.DRAFT)
      return List.of(
          "Only a draft can be submitted for review; this one is " + label(a.status()) + ".");
    articles.setStatus(a.id(), ArticleStatus.IN_REVIEW);
    audit.record(user, "article.submit", "article", a.id(), a.headline(), ip);
    return List.of();
  }

  List<String> toDraft(User user, Article a, String ip) {
    if (a.status() != ArticleStatus.IN_REVIEW && a.status() != ArticleStatus.SCHEDULED) {
      return List.of("Only an article in review or scheduled can go back to draft.");
    }
    articles.setStatus(a.id(), ArticleStatus.DRAFT);
    audit.record(user, "article.to-draft", "article", a.id(), a.headline(), ip);
    return List.of();
  }

  /** Publishes now, or republishes an unpublished article (which then shows as updated). */
  List<String> publish(User user, Article a, String ip) {
    if (!ArticleRules.canPublish(user))
      return List.of("Your role (" + user.role().dbValue() + ") cannot publish.");
    if (a.status() == ArticleStatus.PUBLISHED) return List.of("It is already published.");
    var problems = ArticleRules.publishProblems(a);
    if (a.embargoUntil() != null && a.embargoUntil().isAfter(clock.instant())) {
      problems = new java.util.ArrayList<>(problems);
      problems.add("It is under embargo until " + a.embargoUntil()
          + ". Schedule it instead; it goes out when the embargo lifts.");
    }
    if (!problems.isEmpty()) return problems;
    boolean again = a.status() == ArticleStatus.UNPUBLISHED;
    articles.publish(a.id());
    audit.record(
        user, again ? "article.republish" : "article.publish", "article", a.id(), a.headline(), ip);
    return List.of();
  }

  List<String> schedule(User user, Article a, Instant at, Instant embargo, String ip) {
    if (!ArticleRules.canPublish(user))
      return List.of("Your role (" + user.role().dbValue() + ") cannot schedule.");
    if (a.status() == ArticleStatus.PUBLISHED) return List.of("It is already published.");
    var problems = ArticleRules.publishProblems(a);
    if (!problems.isEmpty()) return problems;
    if (at == null) return List.of("Choose when to publish it.");
    articles.schedule(a.id(), at, embargo);
    audit.record(
        user,
        "article.schedule",
        "article",
        a.id(),
        "for " + at + (embargo == null ? "" : ", embargo until " + embargo),
        ip);
    return List.of();
  }

  List<String> unpublish(User user, Article a, String ip) {
    if (!ArticleRules.canPublish(user))
      return List.of("Your role (" + user.role().dbValue() + ") cannot unpublish.");
    if (a.status() != ArticleStatus.PUBLISHED)
      return List.of("Only a published article can be unpublished.");
    articles.unpublish(a.id());
    audit.record(user, "article.unpublish", "article", a.id(), a.headline(), ip);
    return List.of();
  }

  static String label(ArticleStatus s) {
    return s.dbValue().replace('_', ' ');
  }
}
