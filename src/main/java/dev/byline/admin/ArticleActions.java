package dev.byline.admin;

import dev.byline.auth.AuditLog;
import dev.byline.auth.User;
import dev.byline.content.Article;
import dev.byline.content.ArticleRevisions;
import dev.byline.content.ArticleStore;
import dev.byline.content.AuthorStore;
import dev.byline.content.InvalidInput;
import dev.byline.content.SectionStore;
import dev.byline.content.StaleEdit;
import dev.byline.content.TopicStore;
import dev.byline.media.ImageStore;
import dev.byline.store.Transactions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The editor's rules for callers that are not the editor's form (the Admin API): the same input
 * checks and Markdown conversion ({@link ArticleInput}), the same workflow steps and their checks
 * ({@link ArticleWorkflow}), the same revisions and audit entries. Fields are named as the
 * editor's form names them ({@link #FIELDS}).
 *
 * <pre>{@code
 * var outcome = actions.create(actor, Map.of("headline", "Port talks resume", "body", "..."), ip);
 * }</pre>
 */
public final class ArticleActions {
  /** The fields an article takes, as the editor's form names them. */
  public static final List<String> FIELDS = ArticleForm.FIELDS;

  /** What came of an action. */
  public sealed interface Outcome {}

  /** Done; {@code article} as stored now. */
  public record Done(Article article) implements Outcome {}

  /** Refused input: each problem under the field it is about. Nothing was stored. */
  public record Invalid(Map<String, String> problems) implements Outcome {}

  /** The workflow refused the step, for the reasons given. Nothing was changed. */
  public record Refused(List<String> reasons) implements Outcome {}

  /** Someone saved after the version the caller edited; nothing was stored. */
  public record Stale(int currentVersion) implements Outcome {}

  public record NotFound(long id) implements Outcome {}

  private final Transactions transactions;
  private final ArticleStore articles;
  private final ArticleRevisions revisions;
  private final ArticleInput input;
  private final ArticleWorkflow workflow;
  private final AuditLog audit;

  public ArticleActions(
      Transactions transactions,
      ArticleStore articles,
      ArticleRevisions revisions,
      SectionStore sections,
      TopicStore topics,
      AuthorStore authors,
      ImageStore images,
      AuditLog audit,
      Clock clock) {
    this.transactions = transactions;
    this.articles = articles;
    this.revisions = revisions;
    this.input = new ArticleInput(sections, topics, authors, images, clock);
    this.workflow = new ArticleWorkflow(transactions, articles, audit, clock);
    this.audit = audit;
  }

  /** Creates a draft from the given fields (those left out are empty). */
  public Outcome create(User actor, Map<String, String> fields, String ip) {
    var form = Form.empty();
    fields.forEach(form::set);
    var draft = input.draft(form);
    if (draft.isEmpty()) return invalid(form);
    long id;
    try {
      id = transactions.inTransaction(tx -> {
        long made = articles.create(tx, draft.get());
        revisions.record(
            tx,
            made,
            1,
            ArticleRevisions.Kind.CREATE,
            null,
            actor.name(),
            ArticleForm.snapshot(form));
        audit.record(tx, actor, "article.create", "article", made, draft.get().headline(), ip);
        return made;
      });
    } catch (InvalidInput e) {
      return invalid(e);
    }
    return new Done(articles.byId(id).orElseThrow());
  }

  /**
   * Changes the given fields of an article and keeps the others as last saved. {@code version}
   * is the version the caller read; a later save by anyone answers {@link Stale}.
   */
  public Outcome update(User actor, long id, int version, Map<String, String> fields, String ip) {
    var found = articles.byId(id);
    if (found.isEmpty()) return new NotFound(id);
    var article = found.get();
    var markdown = revisions
        .latest(id)
        .map(rv -> ArticleForm.fromSnapshot(rv.snapshot()).value("body"))
        .orElse(null);
    var form = ArticleForm.of(article, markdown);
    fields.forEach(form::set);
    var draft = input.draft(form);
    if (draft.isEmpty()) return invalid(form);
    try {
      transactions.useTransaction(tx -> {
        int saved = articles.update(tx, id, version, draft.get());
        revisions.record(
            tx,
            id,
            saved,
            ArticleRevisions.Kind.SAVE,
            null,
            actor.name(),
            ArticleForm.snapshot(form));
        audit.record(
            tx,
            actor,
            article.isPublished() ? "article.update" : "article.save",
            "article",
            id,
            draft.get().headline(),
            ip);
      });
    } catch (StaleEdit e) {
      return new Stale(e.actualVersion());
    } catch (InvalidInput e) {
      return invalid(e);
    }
    return new Done(articles.byId(id).orElseThrow());
  }

  public Outcome publish(User actor, long id, String ip) {
    return step(id, a -> workflow.publish(actor, a, ip));
  }

  public Outcome unpublish(User actor, long id, String ip) {
    return step(id, a -> workflow.unpublish(actor, a, ip));
  }

  private Outcome step(long id, java.util.function.Function<Article, List<String>> step) {
    var found = articles.byId(id);
    if (found.isEmpty()) return new NotFound(id);
    var reasons = step.apply(found.get());
    if (!reasons.isEmpty()) return new Refused(reasons);
    return new Done(articles.byId(id).orElseThrow());
  }

  private static Outcome invalid(Form form) {
    var problems = new LinkedHashMap<String, String>();
    for (var p : form.problems()) problems.put(p.field(), p.message());
    return new Invalid(problems);
  }

  private static Outcome invalid(InvalidInput e) {
    return new Invalid(
        Map.of(ArticleInput.fieldOf(e.field()), ArticleInput.sentence(e.field(), e.reason())));
  }
}
