package dev.byline.admin;

import dev.byline.auth.AuditLog;
import dev.byline.auth.User;
import dev.byline.content.Article;
import dev.byline.content.ArticleDraft;
import dev.byline.content.ArticleRevisions;
import dev.byline.content.ArticleStatus;
import dev.byline.content.ArticleStore;
import dev.byline.content.AuthorStore;
import dev.byline.content.InvalidInput;
import dev.byline.content.SectionStore;
import dev.byline.content.StaleEdit;
import dev.byline.media.ImageStore;
import dev.byline.site.ArticlePages;
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
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The article editor: write, save, preview with the real article template, and publish. Saves
 * name the version they started from, so a second person's save over the first is refused with
 * everything they typed kept. Every save is a revision.
 */
public final class ArticleEditor implements Routes {
  private final AdminSite site;
  private final Transactions transactions;
  private final ArticleStore articles;
  private final ArticleRevisions revisions;
  private final ArticleInput input;
  private final ArticleWorkflow workflow;
  private final ArticlePages pages;
  private final EditorPage editorPage;
  private final AuditLog audit;
  private final Clock clock;

  public ArticleEditor(
      AdminSite site,
      Transactions transactions,
      ArticleStore articles,
      ArticleRevisions revisions,
      SectionStore sections,
      dev.byline.content.TopicStore topics,
      AuthorStore authors,
      ImageStore images,
      ArticlePages pages,
      AuditLog audit,
      EditorPanels panels,
      Clock clock) {
    this.site = site;
    this.transactions = transactions;
    this.articles = articles;
    this.revisions = revisions;
    this.input = new ArticleInput(sections, topics, authors, images, clock);
    this.workflow = new ArticleWorkflow(transactions, articles, audit, clock);
    this.pages = pages;
    this.audit = audit;
    this.clock = clock;
    this.editorPage = new EditorPage(site, sections, authors, images, revisions, panels);
  }

  @Override
  public void routes(RoutesConfig r) {
    r.get(
        AdminPaths.NEW_ARTICLE,
        ctx -> editorPage.show(ctx, null, Form.empty(), List.of(), "", "", 200),
        Access.WRITER);
    r.post(AdminPaths.ARTICLES, this::create, Access.WRITER);
    r.post(AdminPaths.ARTICLES + "/preview", ctx -> preview(ctx, null), Access.WRITER);
    r.post(AdminPaths.ARTICLES + "/autosave", ctx -> autosave(ctx, null), Access.WRITER);
    r.get(AdminPaths.ARTICLE_ROUTE, this::edit, Access.WRITER);
    r.post(AdminPaths.ARTICLE_ROUTE, this::save, Access.WRITER);
    r.post(
        AdminPaths.ARTICLE_ROUTE + "/preview",
        ctx -> preview(ctx, Params.id(ctx, "id")),
        Access.WRITER);
    r.post(
        AdminPaths.ARTICLE_ROUTE + "/autosave",
        ctx -> autosave(ctx, Params.id(ctx, "id")),
        Access.WRITER);
    r.post(AdminPaths.STATUS_ROUTE, this::status, Access.WRITER);
  }

  Article load(long id) {
    return articles
        .byId(id)
        .orElseThrow(() -> new NotFoundResponse("There is no article " + id + "."));
  }

  private void edit(Context ctx) {
    var user = Auth.signedIn(ctx);
    var article = load(Params.id(ctx, "id"));
    var creator = revisions.creator(article.id()).orElse(null);
    if (!ArticleRules.canRead(user, creator))
      throw new ForbiddenResponse(
          "This article belongs to someone else; your role (writer) cannot open it.");
    var latest = revisions.latest(article.id());
    var form = ArticleForm.of(article, latest.map(rv -> ArticleForm.fromSnapshot(rv.snapshot())));
    var notice = "1".equals(ctx.queryParam("saved"))
        ? "Saved."
        : NewsletterAdmin.alertNotice(ctx.queryParam("alert"));
    editorPage.show(ctx, article, form, List.of(), notice, "", 200);
  }

  private void create(Context ctx) {
    var user = Auth.signedIn(ctx);
    var form = ArticleForm.read(ctx);
    var action = action(ctx);
    var draft = input.draft(form);
    if (draft.isEmpty()) {
      editorPage.show(ctx, null, form, List.of(), "", "", 400);
      return;
    }
    long id;
    try {
      id = create(user, draft.get(), form, draft.get().headline(), ClientAddress.of(ctx));
    } catch (InvalidInput e) {
      form.error(ArticleInput.fieldOf(e.field()), ArticleInput.sentence(e.field(), e.reason()));
      editorPage.show(ctx, null, form, List.of(), "", "", 400);
      return;
    }
    afterSave(ctx, user, load(id), form, action);
  }

  private void save(Context ctx) {
    var user = Auth.signedIn(ctx);
    var article = load(Params.id(ctx, "id"));
    var creator = revisions.creator(article.id()).orElse(null);
    if (!ArticleRules.canEdit(user, article, creator)) {
      throw new ForbiddenResponse(
          "Your role (" + user.role().dbValue() + ") cannot change this article.");
    }
    var form = ArticleForm.read(ctx);
    var action = action(ctx);
    int version = version(form);
    var draft = input.draft(form);
    if (draft.isEmpty()) {
      editorPage.show(ctx, article, form, List.of(), "", "", 400);
      return;
    }
    try {
      transactions.useTransaction(tx -> {
        int saved = articles.update(tx, article.id(), version, draft.get());
        revisions.record(
            tx,
            article.id(),
            saved,
            ArticleRevisions.Kind.SAVE,
            user.id(),
            user.name(),
            ArticleForm.snapshot(form));
        audit.record(
            tx,
            user,
            article.isPublished() ? "article.update" : "article.save",
            "article",
            article.id(),
            draft.get().headline()
                + (article.isPublished() && !draft.get().updateNote().isEmpty()
                    ? " (note: " + draft.get().updateNote() + ")"
                    : ""),
            ClientAddress.of(ctx));
      });
    } catch (StaleEdit e) {
      var current = load(article.id());
      var by = revisions
          .latest(article.id())
          .map(rv -> rv.savedByName().isEmpty() ? "someone else" : rv.savedByName())
          .orElse("someone else");
      form.set("version", Integer.toString(e.actualVersion()));
      editorPage.show(
          ctx,
          current,
          form,
          List.of(),
          "",
          "Not saved: " + by + " saved this article after you opened it. "
              + "Everything you typed is still below. Compare with their version in the revisions, then save again to replace "
              + "theirs with yours (theirs stays in the revision history).",
          409);
      return;
    } catch (InvalidInput e) {
      form.error(ArticleInput.fieldOf(e.field()), ArticleInput.sentence(e.field(), e.reason()));
      editorPage.show(ctx, article, form, List.of(), "", "", 400);
      return;
    }
    afterSave(ctx, user, load(article.id()), form, action);
  }

  /** Runs the workflow step the pressed button asked for, then shows the result. */
  private void afterSave(Context ctx, User user, Article saved, Form form, String action) {
    List<String> problems = switch (action) {
      case "submit" -> workflow.submit(user, saved, ClientAddress.of(ctx));
      case "publish" -> workflow.publish(user, saved, ClientAddress.of(ctx));
      case "schedule" -> {
        var at = Times.parse(
            form,
            ctx.formParam("schedule-at"),
            "schedule-at",
            "Publish at",
            site.config().timeZone());
        var embargo = Times.parse(
            form,
            ctx.formParam("embargo-until"),
            "embargo-until",
            "Embargo until",
            site.config().timeZone());
        yield form.hasErrors()
            ? List.of("Not scheduled: " + form.problems().get(0).message() + ".")
            : workflow.schedule(
                user,
                saved,
                at == null && embargo != null ? embargo : at,
                embargo,
                ClientAddress.of(ctx));
      }
      default -> List.of();
    };
    if (problems.isEmpty()) throw new Redirect(AdminPaths.saved(saved.id()), 303);
    var fresh = load(saved.id());
    form.set("version", Integer.toString(fresh.version()));
    editorPage.show(
        ctx,
        fresh,
        form,
        problems,
        "Saved, but not " + (action.equals("submit") ? "submitted" : action + "d") + ":",
        "",
        422);
  }

  private void status(Context ctx) {
    var user = Auth.signedIn(ctx);
    var article = load(Params.id(ctx, "id"));
    var creator = revisions.creator(article.id()).orElse(null);
    var action = action(ctx);
    var ip = ClientAddress.of(ctx);
    List<String> problems;
    if (action.equals("submit") || action.equals("draft")) {
      if (!ArticleRules.canEdit(user, article, creator))
        throw new ForbiddenResponse(
            "Your role (" + user.role().dbValue() + ") cannot change this article.");
      problems = action.equals("submit")
          ? workflow.submit(user, article, ip)
          : workflow.toDraft(user, article, ip);
    } else {
      if (!ArticleRules.canPublish(user))
        throw new ForbiddenResponse(
            "Your role (" + user.role().dbValue() + ") cannot publish or unpublish.");
      problems = switch (action) {
        case "publish", "republish" -> workflow.publish(user, article, ip);
        case "unpublish" -> workflow.unpublish(user, article, ip);
        default -> throw new BadRequest("unknown action \"" + action + "\"");
      };
    }
    if (problems.isEmpty()) throw new Redirect(AdminPaths.saved(article.id()), 303);
    var latest = revisions.latest(article.id());
    var form = ArticleForm.of(article, latest.map(rv -> ArticleForm.fromSnapshot(rv.snapshot())));
    editorPage.show(ctx, article, form, problems, "Nothing changed:", "", 422);
  }

  private void preview(Context ctx, Long id) {
    var user = Auth.signedIn(ctx);
    Article stored = null;
    if (id != null) {
      stored = load(id);
      if (!ArticleRules.canRead(user, revisions.creator(id).orElse(null)))
        throw new ForbiddenResponse("This article belongs to someone else.");
    }
    var form = ArticleForm.read(ctx);
    var article = input.preview(form, stored);
    ctx.header("Cache-Control", "no-store");
    ctx.header("X-Robots-Tag", "noindex");
    if (article.isEmpty()) {
      // A preview of what is wrong is still a preview: 200, so the live preview simply shows it.
      site.render(
          ctx,
          "admin/preview-problems.jte",
          new PreviewProblemsView(
              form.problems().stream().map(Form.Problem::message).toList()));
      return;
    }
    var page = pages.preview(article.get());
    ctx.contentType(page.contentType());
    ctx.result(page.body());
  }

  private void autosave(Context ctx, Long id) {
    var user = Auth.signedIn(ctx);
    ctx.header("Cache-Control", "no-store");
    var form = ArticleForm.read(ctx);
    if (id == null) {
      var draft = input.draft(form);
      if (draft.isEmpty()) {
        ctx.status(400).json(Map.of("errors", errors(form)));
        return;
      }
      long newId = create(
          user, draft.get(), form, draft.get().headline() + " (autosave)", ClientAddress.of(ctx));
      var created = load(newId);
      ctx.json(Map.of(
          "id",
          newId,
          "version",
          created.version(),
          "url",
          AdminPaths.article(newId),
          "savedAt",
          clock.instant().toString()));
      return;
    }
    var article = load(id);
    if (!ArticleRules.canEdit(user, article, revisions.creator(id).orElse(null))) {
      ctx.status(403).json(Map.of("error", "Your role cannot change this article."));
      return;
    }
    if (article.status() != ArticleStatus.DRAFT && article.status() != ArticleStatus.IN_REVIEW) {
      ctx.status(409)
          .json(Map.of(
              "error",
              "Only drafts autosave; press the button to save changes to a "
                  + ArticleWorkflow.label(article.status()) + " article."));
      return;
    }
    int version = version(form);
    var draft = input.draft(form);
    if (draft.isEmpty()) {
      ctx.status(400).json(Map.of("errors", errors(form)));
      return;
    }
    try {
      int v = transactions.inTransaction(tx -> {
        int saved = articles.update(tx, id, version, draft.get());
        revisions.record(
            tx,
            id,
            saved,
            ArticleRevisions.Kind.AUTOSAVE,
            user.id(),
            user.name(),
            ArticleForm.snapshot(form));
        return saved;
      });
      ctx.json(Map.of("version", v, "savedAt", clock.instant().toString()));
    } catch (StaleEdit e) {
      ctx.status(409)
          .json(Map.of(
              "error",
              "Not autosaved: someone else saved this article after you opened it. "
                  + "Your text is still here; press Save to see how to keep it."));
    } catch (InvalidInput e) {
      ctx.status(400)
          .json(Map.of(
              "errors",
              Map.of(
                  ArticleInput.fieldOf(e.field()), ArticleInput.sentence(e.field(), e.reason()))));
    }
  }

  /** Stores a new draft with its first revision and its audit entry, all or nothing. */
  private long create(User user, ArticleDraft draft, Form form, String detail, String ip) {
    return transactions.inTransaction(tx -> {
      long id = articles.create(tx, draft);
      revisions.record(
          tx,
          id,
          1,
          ArticleRevisions.Kind.CREATE,
          user.id(),
          user.name(),
          ArticleForm.snapshot(form));
      audit.record(tx, user, "article.create", "article", id, detail, ip);
      return id;
    });
  }

  private static Map<String, String> errors(Form form) {
    var m = new java.util.LinkedHashMap<String, String>();
    form.problems().forEach(p -> m.put(p.field(), p.message()));
    return m;
  }

  private static String action(Context ctx) {
    var a = ctx.formParam("action");
    return a == null || a.isBlank() ? "save" : a.strip();
  }

  private static int version(Form form) {
    try {
      return Integer.parseInt(form.value("version").strip());
    } catch (NumberFormatException e) {
      throw new BadRequest("the form is missing the version it edited; reload the article");
    }
  }
}
