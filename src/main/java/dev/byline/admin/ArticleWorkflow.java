package dev.byline.admin;

import dev.byline.auth.AuditLog;
import dev.byline.auth.User;
import dev.byline.content.Article;
import dev.byline.content.ArticleStatus;
import dev.byline.content.ArticleStore;
import dev.byline.store.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Moving an article through draft → in review → scheduled → published → unpublished →
 * republished, with the checks each step needs and an audit entry for each, stored in the same
 * transaction as the step. Each method returns the problems that stopped it (empty when done).
 */
final class ArticleWorkflow {
  private final Transactions transactions;
  private final ArticleStore articles;
  private final AuditLog audit;
  private final Clock clock;

  ArticleWorkflow(Transactions transactions, ArticleStore articles, AuditLog audit, Clock clock) {
    this.transactions = transactions;
    this.articles = articles;
    this.audit = audit;
    this.clock = clock;
  }

  List<String> submit(User user, Article a, String ip) {
    if (a.status() != ArticleStatus.DRAFT)
      return List.of(
          "Only a draft can be submitted for review; this one is " + label(a.status()) + ".");
    transactions.useTransaction(tx -> {
      articles.setStatus(tx, a.id(), ArticleStatus.IN_REVIEW);
      audit.record(tx, user, "article.submit", "article", a.id(), a.headline(), ip);
    });
    return List.of();
  }

  List<String> toDraft(User user, Article a, String ip) {
    if (a.status() != ArticleStatus.IN_REVIEW && a.status() != ArticleStatus.SCHEDULED) {
      return List.of("Only an article in review or scheduled can go back to draft.");
    }
    transactions.useTransaction(tx -> {
      articles.setStatus(tx, a.id(), ArticleStatus.DRAFT);
      audit.record(tx, user, "article.to-draft", "article", a.id(), a.headline(), ip);
    });
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
    transactions.useTransaction(tx -> {
      articles.publish(tx, a.id());
      audit.record(
          tx,
          user,
          again ? "article.republish" : "article.publish",
          "article",
          a.id(),
          a.headline(),
          ip);
    });
    return List.of();
  }

  List<String> schedule(User user, Article a, Instant at, Instant embargo, String ip) {
    if (!ArticleRules.canPublish(user))
      return List.of("Your role (" + user.role().dbValue() + ") cannot schedule.");
    if (a.status() == ArticleStatus.PUBLISHED) return List.of("It is already published.");
    var problems = ArticleRules.publishProblems(a);
    if (!problems.isEmpty()) return problems;
    if (at == null) return List.of("Choose when to publish it.");
    transactions.useTransaction(tx -> {
      articles.schedule(tx, a.id(), at, embargo);
      audit.record(
          tx,
          user,
          "article.schedule",
          "article",
          a.id(),
          "for " + at + (embargo == null ? "" : ", embargo until " + embargo),
          ip);
    });
    return List.of();
  }

  List<String> unpublish(User user, Article a, String ip) {
    if (!ArticleRules.canPublish(user))
      return List.of("Your role (" + user.role().dbValue() + ") cannot unpublish.");
    if (a.status() != ArticleStatus.PUBLISHED)
      return List.of("Only a published article can be unpublished.");
    transactions.useTransaction(tx -> {
      articles.unpublish(tx, a.id());
      audit.record(tx, user, "article.unpublish", "article", a.id(), a.headline(), ip);
    });
    return List.of();
  }

  static String label(ArticleStatus s) {
    return s.dbValue().replace('_', ' ');
  }
}
