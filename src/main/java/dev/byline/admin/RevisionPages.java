package dev.byline.admin;

import com.github.difflib.DiffUtils;
import dev.byline.auth.AuditLog;
import dev.byline.content.Article;
import dev.byline.content.ArticleRevisions;
import dev.byline.content.ArticleStore;
import dev.byline.content.InvalidInput;
import dev.byline.content.StaleEdit;
import dev.byline.site.Dates;
import dev.byline.store.Transactions;
import dev.byline.web.Access;
import dev.byline.web.Auth;
import dev.byline.web.BadRequest;
import dev.byline.web.ClientAddress;
import dev.byline.web.Redirect;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * An article's revisions: the list (who saved, when), a line diff of any two, and restoring
 * one, which saves it as a new revision so nothing in between is lost.
 */
public final class RevisionPages implements Routes {
  /** The list of revisions, newest first. */
  public record RevisionsView(
      AdminChrome chrome,
      Dates dates,
      Article article,
      List<ArticleRevisions.Revision> revisions,
      boolean canEdit) {}

  /** One line of a diff: {@code kind} is "same", "ins" or "del". */
  public record DiffLine(String kind, String text) {}

  /** Two revisions compared. */
  public record DiffView(
      AdminChrome chrome,
      Dates dates,
      Article article,
      ArticleRevisions.Revision from,
      ArticleRevisions.Revision to,
      List<DiffLine> lines,
      boolean canEdit) {}

  private final AdminSite site;
  private final Transactions transactions;
  private final ArticleStore articles;
  private final ArticleRevisions revisions;
  private final ArticleInput input;
  private final AuditLog audit;

  public RevisionPages(
      AdminSite site,
      Transactions transactions,
      ArticleStore articles,
      ArticleRevisions revisions,
      dev.byline.content.SectionStore sections,
      dev.byline.content.TopicStore topics,
      dev.byline.content.AuthorStore authors,
      dev.byline.media.ImageStore images,
      AuditLog audit,
      java.time.Clock clock) {
    this.site = site;
    this.transactions = transactions;
    this.articles = articles;
    this.revisions = revisions;
    this.input = new ArticleInput(sections, topics, authors, images, clock);
    this.audit = audit;
  }

  @Override
  public void routes(RoutesConfig r) {
    r.get(AdminPaths.REVISIONS_ROUTE, this::list, Access.WRITER);
    r.get(AdminPaths.DIFF_ROUTE, this::diff, Access.WRITER);
    r.post(AdminPaths.RESTORE_ROUTE, this::restore, Access.WRITER);
  }

  private Article readable(Context ctx) {
    var user = Auth.signedIn(ctx);
    var article = articles
        .byId(Params.id(ctx, "id"))
        .orElseThrow(() -> new NotFoundResponse("There is no such article."));
    if (!ArticleRules.canRead(user, revisions.creator(article.id()).orElse(null))) {
      throw new ForbiddenResponse("This article belongs to someone else.");
    }
    return article;
  }

  private boolean canEdit(Context ctx, Article article) {
    return ArticleRules.canEdit(
        Auth.signedIn(ctx), article, revisions.creator(article.id()).orElse(null));
  }

  private void list(Context ctx) {
    var article = readable(ctx);
    site.render(
        ctx,
        "admin/revisions.jte",
        new RevisionsView(
            site.chrome(ctx, "articles"),
            site.dates(),
            article,
            revisions.of(article.id()),
            canEdit(ctx, article)));
  }

  private void diff(Context ctx) {
    var article = readable(ctx);
    var from = revision(article, ctx.queryParam("from"), "from");
    var to = revision(article, ctx.queryParam("to"), "to");
    site.render(
        ctx,
        "admin/diff.jte",
        new DiffView(
            site.chrome(ctx, "articles"),
            site.dates(),
            article,
            from,
            to,
            lines(
                ArticleForm.lines(ArticleForm.fromSnapshot(from.snapshot())),
                ArticleForm.lines(ArticleForm.fromSnapshot(to.snapshot()))),
            canEdit(ctx, article)));
  }

  private ArticleRevisions.Revision revision(Article article, String id, String name) {
    if (id == null || id.isBlank())
      throw new BadRequest("choose two revisions to compare (" + name + " is missing)");
    try {
      return revisions
          .byId(article.id(), Long.parseLong(id.strip()))
          .orElseThrow(
              () -> new NotFoundResponse("Revision " + id + " is not one of this article's."));
    } catch (NumberFormatException e) {
      throw new BadRequest(name + " must be a revision number");
    }
  }

  static List<DiffLine> lines(List<String> a, List<String> b) {
    var out = new ArrayList<DiffLine>();
    var patch = DiffUtils.diff(a, b);
    int pos = 0;
    for (var delta : patch.getDeltas()) {
      var src = delta.getSource();
      for (; pos < src.getPosition(); pos++) out.add(new DiffLine("same", a.get(pos)));
      src.getLines().forEach(l -> out.add(new DiffLine("del", l)));
      delta.getTarget().getLines().forEach(l -> out.add(new DiffLine("ins", l)));
      pos = src.getPosition() + src.size();
    }
    for (; pos < a.size(); pos++) out.add(new DiffLine("same", a.get(pos)));
    return out;
  }

  private void restore(Context ctx) {
    var user = Auth.signedIn(ctx);
    var article = readable(ctx);
    if (!canEdit(ctx, article))
      throw new ForbiddenResponse(
          "Your role (" + user.role().dbValue() + ") cannot change this article.");
    long revId;
    try {
      revId = Long.parseLong(ctx.pathParam("rev"));
    } catch (NumberFormatException e) {
      throw new NotFoundResponse("There is no such revision.");
    }
    var rev = revisions
        .byId(article.id(), revId)
        .orElseThrow(() -> new NotFoundResponse("There is no such revision."));
    var form = ArticleForm.fromSnapshot(rev.snapshot());
    var draft = input.draft(form);
    if (draft.isEmpty()) {
      throw new BadRequest("Revision " + revId + " cannot be restored as it is: "
          + form.problems().get(0).message() + ". Open it in the editor from the diff and fix it.");
    }
    try {
      transactions.useTransaction(tx -> {
        int saved = articles.update(tx, article.id(), article.version(), draft.get());
        revisions.record(
            tx,
            article.id(),
            saved,
            ArticleRevisions.Kind.RESTORE,
            user.id(),
            user.name(),
            ArticleForm.snapshot(form));
        audit.record(
            tx,
            user,
            "article.restore",
            "article",
            article.id(),
            "revision " + revId + " from " + rev.savedAt(),
            ClientAddress.of(ctx));
      });
    } catch (StaleEdit e) {
      throw new Redirect(AdminPaths.revisions(article.id()), 303);
    } catch (InvalidInput e) {
      throw new BadRequest("Revision " + revId + " cannot be restored: " + e.getMessage());
    }
    throw new Redirect(AdminPaths.saved(article.id()), 303);
  }
}
