package dev.byline.admin;

import dev.byline.auth.AuditLog;
import dev.byline.content.Block;
import dev.byline.content.BlockDocument;
import dev.byline.content.InvalidInput;
import dev.byline.content.Markdown;
import dev.byline.content.Slugs;
import dev.byline.media.ImageStore;
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
 * The site's own pages for editors: a list, the editor (title, slug, summary and a body written
 * as an article's is: in the block editor or in Markdown, see {@link BodyField}), publish and
 * unpublish, and the revisions with restore. Each save names the version it started from, so two
 * editors cannot overwrite each other unseen. A revision keeps the block document of a body
 * written in blocks, so a restore gives back exactly those blocks.
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
      dev.byline.site.Dates dates,
      String blockEditorUrl) {}

  private static final String[] FIELDS = {
    "title", "slug", "summary", "body", "body-format", "body-json", "version", "action"
  };

  private final AdminSite site;
  private final Transactions transactions;
  private final PageStore pages;
  private final ImageStore images;
  private final AuditLog audit;
  private final Markdown markdown = new Markdown();

  public PageDesk(
      AdminSite site,
      Transactions transactions,
      PageStore pages,
      ImageStore images,
      AuditLog audit) {
    this.site = site;
    this.transactions = transactions;
    this.pages = pages;
    this.images = images;
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

  /**
   * The form for a stored page: it opens in the editor its latest revision was written in (a body
   * saved before revisions kept documents was written in Markdown).
   */
  private Form formOf(SitePage page) {
    var latest = pages.revisions(page.id()).stream().findFirst();
    return Form.empty()
        .set("title", page.title())
        .set("slug", page.slug())
        .set("summary", page.summary())
        .set("body", page.markdown())
        .set(
            "body-format",
            latest.map(r -> r.inBlocks() ? BodyField.BLOCKS : "markdown").orElse(""))
        .set("version", Integer.toString(page.version()));
  }

  private void editor(Context ctx, SitePage page, Form form, int status) {
    if (page != null) BodyField.PAGE.open(form, page.body());
    ctx.status(status);
    site.render(
        ctx,
        "admin/page-editor.jte",
        new PageEditorView(
            site.chrome(ctx, "pages"),
            page,
            form,
            page == null ? List.of() : pages.revisions(page.id()),
            site.dates(),
            site.assets().url(EditorPage.BLOCK_EDITOR_SCRIPT)));
  }

  /** Saves the form; {@code action} publish or unpublish also changes the status, atomically. */
  private void save(Context ctx, SitePage editing) {
    var user = Auth.signedIn(ctx);
    var form = Form.read(ctx, FIELDS);
    var action = form.value("action");
    var slug = form.value("slug").strip();
    if (slug.isEmpty()) slug = Slugs.from(form.value("title"));
    form.set("slug", slug);
    long[] id = {editing == null ? 0 : editing.id()};
    try {
      var draft = draft(form, slug);
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
      form.error(fieldOf(e.field()), ArticleInput.sentence(e.field(), e.reason()));
    }
    if (form.hasErrors()) {
      editor(ctx, editing, form, 400);
      return;
    }
    throw new Redirect(BASE + "/" + id[0], 303);
  }

  /**
   * The checked page from the form. The body comes from the block document or the Markdown, as
   * the form says; a photo it places must be in the photo desk.
   */
  private PageDraft draft(Form form, String slug) {
    var body = BodyField.PAGE;
    var blocks = body.blocks(form, markdown);
    BodyField.checkPhotos(blocks, images);
    return new PageDraft(
        slug,
        form.value("title"),
        form.value("summary"),
        form.value(body.text()),
        body.document(form),
        blocks);
  }

  /** The form field a refusal is about: the body's blocks and lines are the body's. */
  private static String fieldOf(String field) {
    return switch (field) {
      case "title", "slug", "summary" -> field;
      case "page" -> "title";
      default -> "body";
    };
  }

  private static int version(Form form) {
    try {
      return Integer.parseInt(form.value("version").strip());
    } catch (NumberFormatException e) {
      throw new InvalidInput("page", "form is missing its version; open the page again");
    }
  }

  /**
   * Saves an old revision as the newest version (the history keeps both): its block document
   * when it was written in blocks, so the body comes back exactly, else its Markdown.
   */
  private void restore(Context ctx) {
    var user = Auth.signedIn(ctx);
    var page = page(ctx);
    var revision = pages
        .revision(page.id(), Params.id(ctx, "revision"))
        .orElseThrow(() -> new NotFoundResponse("There is no such revision."));
    List<Block> blocks = revision.inBlocks()
        ? BlockDocument.parse(revision.document())
        : markdown.toBlocks(revision.markdown());
    var draft = new PageDraft(
        page.slug(),
        revision.title(),
        revision.summary(),
        revision.markdown(),
        revision.document(),
        blocks);
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
