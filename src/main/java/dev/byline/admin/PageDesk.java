package dev.byline.admin;

import dev.byline.auth.AuditLog;
import dev.byline.content.InvalidInput;
import dev.byline.content.Markdown;
import dev.byline.content.Slugs;
import dev.byline.pages.PageDraft;
import dev.byline.pages.PageRevision;
import dev.byline.pages.PageStore;
import dev.byline.pages.SitePage;
import dev.byline.store.Transactions;
import dev.byline.web.Access;
import dev.byline.web.Auth;
import dev.byline.web.ClientAddress;
import dev.byline.web.Redirect;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;

/**
 * The site's own pages for editors: a list, the editor (title, slug, summary and a Markdown body,
 * converted as an article's is), publish and unpublish, and the revisions with restore. Each
 * save names the version it started from, so two editors cannot overwrite each other unseen.
 */
public final class PageDesk implements Routes {
  static final String BASE = "/admin/pages";

  /** Every page, for the list. */
  public record PagesView(AdminChrome chrome, List<SitePage> pages) {}

  /** The editor: {@code page} is null for a new one. */
  public record PageEditorView(
      AdminChrome chrome,
      SitePage page,
      Form form,
      List<PageRevision> revisions,
      dev.byline.site.Dates dates) {}

  private final AdminSite site;
  private final Transactions transactions;
  private final PageStore pages;
  private final AuditLog audit;
  private final Markdown markdown = new Markdown();

  public PageDesk(AdminSite site, Transactions transactions, PageStore pages, AuditLog audit) {
    this.site = site;
    this.transactions = transactions;
    this.pages = pages;
    this.audit = audit;
    site.addNav("pages", "Pages", BASE, dev.byline.auth.Role.EDITOR);
  }

  @Override
  public void routes(RoutesConfig r) {
    r.get(
        BASE,
        ctx -> site.render(
            ctx, "admin/pages.jte", new PagesView(site.chrome(ctx, "pages"), pages.all())),
        Access.EDITOR);
    r.get(BASE + "/new", ctx -> editor(ctx, null, Form.empty(), 200), Access.EDITOR);
    r.post(BASE, ctx -> save(ctx, null), Access.EDITOR);
    r.get(
        BASE + "/{id}",
        ctx -> {
          var page = page(ctx);
          editor(ctx, page, formOf(page), 200);
        },
        Access.EDITOR);
    r.post(BASE + "/{id}", ctx -> save(ctx, page(ctx)), Access.EDITOR);
    r.post(BASE + "/{id}/restore/{revision}", this::restore, Access.EDITOR);
  }

  private SitePage page(Context ctx) {
    return pages
        .byId(Params.id(ctx, "id"))
        .orElseThrow(() -> new NotFoundResponse("There is no such page."));
  }

  private static Form formOf(SitePage page) {
    return Form.empty()
        .set("title", page.title())
        .set("slug", page.slug())
        .set("summary", page.summary())
        .set("body", page.markdown())
        .set("version", Integer.toString(page.version()));
  }

  private void editor(Context ctx, SitePage page, Form form, int status) {
    ctx.status(status);
    site.render(
        ctx,
        "admin/page-editor.jte",
        new PageEditorView(
            site.chrome(ctx, "pages"),
            page,
            form,
            page == null ? List.of() : pages.revisions(page.id()),
            site.dates()));
  }

  /** Saves the form; {@code action} publish or unpublish also changes the status, atomically. */
  private void save(Context ctx, SitePage editing) {
    var user = Auth.signedIn(ctx);
    var form = Form.read(ctx, "title", "slug", "summary", "body", "version", "action");
    var action = form.value("action");
    var slug = form.value("slug").strip();
    if (slug.isEmpty()) slug = Slugs.from(form.value("title"));
    form.set("slug", slug);
    long[] id = {editing == null ? 0 : editing.id()};
    try {
      var draft = new PageDraft(
          slug,
          form.value("title"),
          form.value("summary"),
          form.value("body"),
          markdown.toBlocks(form.value("body")));
      int version = editing == null ? 0 : version(form);
      transactions.useTransaction(tx -> {
        if (editing == null) {
          id[0] = pages.create(tx, draft, user.id(), user.name());
        } else {
          pages.update(tx, editing.id(), version, draft, user.id(), user.name());
        }
        if (action.equals("publish")) pages.publish(tx, id[0]);
        if (action.equals("unpublish")) pages.unpublish(tx, id[0]);
        var what = action.isEmpty() || action.equals("save")
            ? (editing == null ? "create" : "save")
            : action;
        audit.record(tx, user, "page." + what, "page", id[0], draft.title(), ClientAddress.of(ctx));
      });
    } catch (InvalidInput e) {
      var field = e.field().equals("page") ? "title" : e.field();
      form.error(field, ArticleInput.sentence(e.field(), e.reason()));
    }
    if (form.hasErrors()) {
      editor(ctx, editing, form, 400);
      return;
    }
    throw new Redirect(BASE + "/" + id[0], 303);
  }

  private static int version(Form form) {
    try {
      return Integer.parseInt(form.value("version").strip());
    } catch (NumberFormatException e) {
      throw new InvalidInput("page", "form is missing its version; open the page again");
    }
  }

  /** Saves an old revision's text as the newest version (the history keeps both). */
  private void restore(Context ctx) {
    var user = Auth.signedIn(ctx);
    var page = page(ctx);
    var revision = pages
        .revision(page.id(), Params.id(ctx, "revision"))
        .orElseThrow(() -> new NotFoundResponse("There is no such revision."));
    var draft = new PageDraft(
        page.slug(),
        revision.title(),
        revision.summary(),
        revision.markdown(),
        markdown.toBlocks(revision.markdown()));
    transactions.useTransaction(tx -> {
      pages.update(tx, page.id(), page.version(), draft, user.id(), user.name());
      audit.record(
          tx,
          user,
          "page.restore",
          "page",
          page.id(),
          "version " + revision.version(),
          ClientAddress.of(ctx));
    });
    throw new Redirect(BASE + "/" + page.id(), 303);
  }
}
