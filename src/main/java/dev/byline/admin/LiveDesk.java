package dev.byline.admin;

import dev.byline.auth.AuditLog;
import dev.byline.auth.User;
import dev.byline.content.Article;
import dev.byline.content.ArticleStore;
import dev.byline.content.InvalidInput;
import dev.byline.content.Markdown;
import dev.byline.live.Coverage;
import dev.byline.live.LiveBlog;
import dev.byline.live.LivePost;
import dev.byline.live.PostDraft;
import dev.byline.site.Dates;
import dev.byline.store.Transactions;
import dev.byline.store.Tx;
import dev.byline.web.Access;
import dev.byline.web.Auth;
import dev.byline.web.ClientAddress;
import dev.byline.web.Redirect;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.function.Consumer;

/**
 * The live desk of one article at {@code /admin/articles/{id}/live}: start live coverage, add
 * posts (Markdown, as the editor writes bodies), edit, pin and delete them, and end the coverage
 * with a summary. Posting goes straight to readers, so it takes an editor, the role that
 * publishes. Every action is audit-logged in the unit of work that makes it.
 */
public final class LiveDesk implements Routes {
  static final String[] POST_FIELDS = {"post", "post-format", "post-json", "key-point", "pinned"};

  /**
   * The live desk page.
   *
   * @param coverage null until coverage has started
   * @param posts every post, newest first, deleted ones too (marked so)
   * @param form the new-post form, or the post being edited
   * @param editing the post being edited, or null
   * @param summary the end-coverage form
   */
  public record LiveDeskView(
      AdminChrome chrome,
      Dates dates,
      Article article,
      Coverage coverage,
      List<LivePost> posts,
      Form form,
      LivePost editing,
      Form summary,
      String notice,
      String blockEditorUrl) {}

  private final AdminSite site;
  private final Transactions transactions;
  private final ArticleStore articles;
  private final LiveBlog live;
  private final AuditLog audit;
  private final Markdown markdown = new Markdown();

  public LiveDesk(
      AdminSite site,
      Transactions transactions,
      ArticleStore articles,
      LiveBlog live,
      AuditLog audit) {
    this.site = site;
    this.transactions = transactions;
    this.articles = articles;
    this.live = live;
    this.audit = audit;
  }

  @Override
  public void routes(RoutesConfig r) {
    r.get(AdminPaths.LIVE_ROUTE, this::show, Access.EDITOR);
    r.post(AdminPaths.LIVE_ROUTE + "/start", this::start, Access.EDITOR);
    r.post(AdminPaths.LIVE_ROUTE + "/end", this::end, Access.EDITOR);
    r.post(AdminPaths.LIVE_ROUTE + "/posts", this::add, Access.EDITOR);
    r.get(AdminPaths.LIVE_ROUTE + "/posts/{post}", this::editForm, Access.EDITOR);
    r.post(AdminPaths.LIVE_ROUTE + "/posts/{post}", this::edit, Access.EDITOR);
    r.post(AdminPaths.LIVE_ROUTE + "/posts/{post}/pin", this::pin, Access.EDITOR);
    r.post(AdminPaths.LIVE_ROUTE + "/posts/{post}/delete", this::delete, Access.EDITOR);
  }

  private Article article(Context ctx) {
    long id = Params.id(ctx, "id");
    return articles
        .byId(id)
        .orElseThrow(() -> new NotFoundResponse("There is no article " + id + "."));
  }

  private LivePost post(Context ctx, Article article) {
    long id = Params.id(ctx, "post");
    return live.post(article.id(), id)
        .filter(p -> !p.deleted())
        .orElseThrow(() -> new NotFoundResponse("There is no post " + id + " in this coverage."));
  }

  private void show(Context ctx) {
    var article = article(ctx);
    var notice = switch (ctx.queryParamAsClass("done", String.class).getOrDefault("")) {
      case "started" -> "Live coverage started.";
      case "posted" -> "Posted.";
      case "edited" -> "Post saved.";
      case "pinned" -> "Pinned.";
      case "unpinned" -> "Unpinned.";
      case "deleted" -> "Post deleted.";
      case "ended" -> "Live coverage ended.";
      default -> "";
    };
    render(ctx, article, Form.empty(), null, Form.empty(), notice, 200);
  }

  private void render(
      Context ctx,
      Article article,
      Form form,
      LivePost editing,
      Form summary,
      String notice,
      int status) {
    ctx.status(status);
    site.render(
        ctx,
        "admin/live.jte",
        new LiveDeskView(
            site.chrome(ctx, "articles"),
            site.dates(),
            article,
            live.of(article.id()).orElse(null),
            live.posts(article.id(), true),
            form,
            editing,
            summary,
            notice,
            site.assets().url(EditorPage.BLOCK_EDITOR_SCRIPT)));
  }

  private void start(Context ctx) {
    var article = article(ctx);
    act(ctx, article, "live.start", "started", tx -> live.start(tx, article.id()));
  }

  private void end(Context ctx) {
    var article = article(ctx);
    var summary = Form.read(ctx, "summary");
    try {
      act(
          ctx,
          article,
          "live.end",
          "ended",
          tx -> live.end(tx, article.id(), summary.value("summary")));
    } catch (InvalidInput e) {
      summary.error("summary", sentence(e));
      render(ctx, article, Form.empty(), null, summary, "", 400);
    }
  }

  private void add(Context ctx) {
    var article = article(ctx);
    var form = Form.read(ctx, POST_FIELDS);
    try {
      var draft = draft(form, Auth.signedIn(ctx));
      act(ctx, article, "live.post", "posted", tx -> live.post(tx, article.id(), draft));
    } catch (InvalidInput e) {
      form.error("post", sentence(e));
      render(ctx, article, form, null, Form.empty(), "", 400);
    }
  }

  private void editForm(Context ctx) {
    var article = article(ctx);
    var post = post(ctx, article);
    var form = Form.empty()
        .set("post", post.markdown())
        .set("post-json", dev.byline.content.BlockDocument.write(post.body()))
        .set("key-point", post.keyPoint() ? "on" : "")
        .set("pinned", post.pinned() ? "on" : "");
    render(ctx, article, form, post, Form.empty(), "", 200);
  }

  private void edit(Context ctx) {
    var article = article(ctx);
    var post = post(ctx, article);
    var form = Form.read(ctx, POST_FIELDS);
    try {
      var draft = draft(form, Auth.signedIn(ctx));
      act(ctx, article, "live.edit", "edited", tx -> live.edit(tx, article.id(), post.id(), draft));
    } catch (InvalidInput e) {
      form.error("post", sentence(e));
      render(ctx, article, form, post, Form.empty(), "", 400);
    }
  }

  private void pin(Context ctx) {
    var article = article(ctx);
    var post = post(ctx, article);
    boolean pinned = "1".equals(ctx.formParam("pinned"));
    act(
        ctx,
        article,
        pinned ? "live.pin" : "live.unpin",
        pinned ? "pinned" : "unpinned",
        tx -> live.pin(tx, article.id(), post.id(), pinned));
  }

  private void delete(Context ctx) {
    var article = article(ctx);
    var post = post(ctx, article);
    act(ctx, article, "live.delete", "deleted", tx -> live.delete(tx, article.id(), post.id()));
  }

  /** Makes the change and its audit entry together, then shows the desk again (303). */
  private void act(Context ctx, Article article, String action, String done, Consumer<Tx> change) {
    var user = Auth.signedIn(ctx);
    transactions.useTransaction(tx -> {
      change.accept(tx);
      audit.record(
          tx, user, action, "article", article.id(), article.headline(), ClientAddress.of(ctx));
    });
    throw new Redirect(AdminPaths.live(article.id()) + "?done=" + done, 303);
  }

  private PostDraft draft(Form form, User user) {
    if (form.value("post").length() > PostDraft.MAX_MARKDOWN)
      throw new InvalidInput("post", "is longer than " + PostDraft.MAX_MARKDOWN + " characters");
    var blocks = BodyField.LIVE_POST.blocks(form, markdown);
    var text = form.value("post");
    if (text.length() > PostDraft.MAX_MARKDOWN)
      throw new InvalidInput("post", "is longer than " + PostDraft.MAX_MARKDOWN + " characters");
    return new PostDraft(
        text, blocks, form.checked("key-point"), form.checked("pinned"), user.name());
  }

  /** "post is empty" as an editor reads it: "The post is empty." */
  private static String sentence(InvalidInput e) {
    // "body block 2 (image)" from the block document is the post's block 2.
    var field = e.field().replaceFirst("^body\\b", "post");
    var reason = e.reason();
    return "The " + field + " " + reason + (reason.endsWith(".") ? "" : ".");
  }
}
