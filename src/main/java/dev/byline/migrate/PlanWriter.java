package dev.byline.migrate;

import dev.byline.content.ArticleStatus;
import dev.byline.redirect.LegacyUrl;
import dev.byline.redirect.RedirectStore;
import dev.byline.store.Tx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores plans in batches of one transaction each: the article, its old addresses (and those of
 * its attachments, waiting in the ledger), its comments, and the ledger row, all or nothing. A
 * batch that fails is retried one plan per transaction, so one bad post costs only itself (it
 * is reported and left unrecorded, so the next run tries it again).
 */
final class PlanWriter {
  private final Migrations m;
  private final String origin;
  private final ImportReport report;
  private final boolean dryRun;

  PlanWriter(Migrations m, String origin, ImportReport report, boolean dryRun) {
    this.m = m;
    this.origin = origin;
    this.report = report;
    this.dryRun = dryRun;
  }

  void write(List<Plan> plans) {
    if (plans.isEmpty()) return;
    if (dryRun) {
      for (var p : plans) report(p, null);
      return;
    }
    try {
      m.db().useTransaction(tx -> {
        var children = children(tx, plans);
        for (var p : plans) store(tx, p, children);
      });
      for (var p : plans) report(p, null);
    } catch (RuntimeException batch) {
      for (var p : plans) one(p);
    }
  }

  private void one(Plan p) {
    try {
      m.db().useTransaction(tx -> store(tx, p, children(tx, List.of(p))));
      report(p, null);
    } catch (RuntimeException e) {
      report(p, e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  private Map<String, List<MigrationLedger.Child>> children(Tx tx, List<Plan> plans) {
    var ids = plans.stream().filter(p -> p.draft() != null).map(Plan::sourceId).toList();
    var out = new HashMap<String, List<MigrationLedger.Child>>();
    for (var c : m.ledger().children(tx, origin, ids))
      out.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
    return out;
  }

  private void store(Tx tx, Plan p, Map<String, List<MigrationLedger.Child>> children) {
    if (!(p.decision() instanceof PostRules.Import d)) {
      ledger(tx, p, null, "skipped");
      return;
    }
    long id = article(tx, p.draft(), d);
    for (var path : p.legacy()) legacy(tx, p, LegacyUrl.toArticle(path, id, origin));
    for (var child : children.getOrDefault(p.sourceId(), List.of())) attachment(tx, p, id, child);
    for (var c : p.comments())
      m.comments()
          .add(
              tx,
              new CommentStore.Comment(
                  origin,
                  c.sourceId(),
                  id,
                  c.parentId(),
                  c.authorName(),
                  c.authorEmail(),
                  c.authorUrl(),
                  c.postedAt(),
                  c.status(),
                  c.kind(),
                  c.body()));
    ledger(tx, p, id, d.status().dbValue());
  }

  private long article(Tx tx, dev.byline.content.ArticleDraft draft, PostRules.Import d) {
    var articles = m.articles();
    return switch (d.status()) {
      case PUBLISHED -> articles.createPublished(tx, draft, d.published(), d.updated());
      case SCHEDULED -> {
        long id = articles.create(tx, draft);
        articles.schedule(tx, id, d.scheduledAt(), null);
        yield id;
      }
      case IN_REVIEW -> {
        long id = articles.create(tx, draft);
        articles.setStatus(tx, id, ArticleStatus.IN_REVIEW);
        yield id;
      }
      default -> articles.create(tx, draft);
    };
  }

  /** An attachment's pages lead to its post; its file to the image, once the post is out. */
  private void attachment(Tx tx, Plan p, long articleId, MigrationLedger.Child child) {
    String imageUrl = null;
    for (var a : PendingAddresses.read(child.legacy())) {
      if (!a.file()) {
        legacy(tx, p, LegacyUrl.toArticle(a.path(), articleId, origin));
        continue;
      }
      if (child.imageId() == null) continue;
      if (imageUrl == null) {
        var image = m.images().byIds(tx, List.of(child.imageId())).get(child.imageId());
        if (image == null || image.variants().isEmpty()) continue;
        imageUrl = image.largest().url();
      }
      if (!a.path().equals(imageUrl))
        legacy(tx, p, new LegacyUrl(a.path(), articleId, imageUrl, origin));
    }
  }

  private void legacy(Tx tx, Plan p, LegacyUrl url) {
    if (m.redirects().put(tx, url, false) == RedirectStore.Stored.KEPT_OTHER)
      p.notes().add("an old address already led elsewhere and was kept so (" + url.path() + ")");
  }

  private void ledger(Tx tx, Plan p, Long target, String outcome) {
    m.ledger()
        .record(
            tx,
            new MigrationLedger.Entry(origin, p.kind(), p.sourceId(), target, outcome, "", "", ""));
  }

  private void report(Plan p, String failure) {
    var kind = p.type();
    if (failure != null) {
      report.item(
          kind,
          p.sourceId(),
          p.title(),
          "failed (not recorded; a second run tries again)",
          failure);
      return;
    }
    if (p.decision() instanceof PostRules.Skip s) {
      report.item(kind, p.sourceId(), p.title(), "skipped", s.reason());
      return;
    }
    var d = (PostRules.Import) p.decision();
    p.notes().add(d.note());
    report.item(kind, p.sourceId(), p.title(), label(d.status()), p.notes());
  }

  static String label(ArticleStatus s) {
    return switch (s) {
      case PUBLISHED -> "published";
      case SCHEDULED -> "scheduled";
      case IN_REVIEW -> "in review";
      default -> "drafts";
    };
  }
}
