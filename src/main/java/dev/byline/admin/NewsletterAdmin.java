package dev.byline.admin;

import dev.byline.auth.AuditLog;
import dev.byline.auth.Role;
import dev.byline.content.Article;
import dev.byline.content.ArticleStatus;
import dev.byline.content.ArticleStore;
import dev.byline.content.InvalidInput;
import dev.byline.newsletter.BounceReport;
import dev.byline.newsletter.EmailAddress;
import dev.byline.newsletter.Newsletter;
import dev.byline.newsletter.Send;
import dev.byline.newsletter.Story;
import dev.byline.web.Access;
import dev.byline.web.Auth;
import dev.byline.web.ClientAddress;
import dev.byline.web.Redirect;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The newsletter for the newsroom. Admins see the list's size and the sends' progress at {@code
 * /admin/newsletter}, send the briefing now, export subscribers as CSV (all, or one address for a
 * reader's request), erase a subscriber, and suppress an address a provider reported; every
 * change is in the audit log. Editors send a breaking alert from an article's editor page.
 */
public final class NewsletterAdmin implements Routes {
  public static final String PATH = "/admin/newsletter";
  static final int SENDS_SHOWN = 20;

  /** The newsletter page. */
  public record NewsletterAdminView(
      AdminChrome chrome,
      dev.byline.site.Dates dates,
      Map<String, Long> counts,
      long suppressed,
      List<Send.Progress> sends,
      String notice,
      Form form) {}

  /** The editor's panel: the alert button, or why there is none. */
  public record AlertPanelView(long articleId, boolean published, String csrf) {}

  private final AdminSite site;
  private final Newsletter newsletter;
  private final ArticleStore articles;
  private final AuditLog audit;

  public NewsletterAdmin(
      AdminSite site, Newsletter newsletter, ArticleStore articles, AuditLog audit) {
    this.site = site;
    this.newsletter = newsletter;
    this.articles = articles;
    this.audit = audit;
  }

  @Override
  public void routes(RoutesConfig r) {
    r.get(PATH, ctx -> page(ctx, notice(ctx), Form.empty(), 200), Access.ADMIN);
    r.post(PATH + "/briefing", this::briefing, Access.ADMIN);
    r.get(PATH + "/subscribers.csv", this::export, Access.ADMIN);
    r.post(PATH + "/delete", this::delete, Access.ADMIN);
    r.post(PATH + "/suppress", this::suppress, Access.ADMIN);
    r.post(AdminPaths.ARTICLE_ROUTE + "/alert", this::alert, Access.EDITOR);
  }

  /** The alert button beside the article editor, for editors. */
  public EditorPanels.Source editorPanel() {
    return (article, user, csrf) -> {
      if (!user.can(Role.EDITOR)) return Optional.empty();
      var html = site.views()
          .render(
              "admin/newsletter-panel.jte",
              new AlertPanelView(article.id(), article.status() == ArticleStatus.PUBLISHED, csrf));
      return Optional.of(
          new EditorPanels.Panel("Newsletter", new String(html, StandardCharsets.UTF_8)));
    };
  }

  private void page(Context ctx, String notice, Form form, int status) {
    ctx.status(status);
    var subscribers = newsletter.subscribers();
    site.render(
        ctx,
        "admin/newsletter.jte",
        new NewsletterAdminView(
            site.chrome(ctx, "newsletter"),
            site.dates(),
            subscribers.counts(),
            subscribers.suppressedCount(),
            newsletter.sends().recent(SENDS_SHOWN),
            notice,
            form));
  }

  private static String notice(Context ctx) {
    var done = ctx.queryParam("done");
    if (done == null) return "";
    return switch (done) {
      case "briefing" -> "The briefing is queued; it goes out at the configured rate.";
      case "empty" -> "Nothing to send: no published stories yet.";
      case "deleted" -> "The subscriber and their consent records are erased.";
      case "suppressed" -> "The address is suppressed: it gets no more mail.";
      default -> "";
    };
  }

  private void briefing(Context ctx) {
    var user = Auth.signedIn(ctx);
    var send = newsletter.sendBriefing(user.email());
    if (send.isEmpty()) throw new Redirect(PATH + "?done=empty", 303);
    audit.record(
        user,
        "newsletter.briefing",
        "newsletter_send",
        send.get().id(),
        send.get().recipients() + " recipients",
        ClientAddress.of(ctx));
    throw new Redirect(PATH + "?done=briefing", 303);
  }

  private void export(Context ctx) throws Exception {
    var user = Auth.signedIn(ctx);
    var email = ctx.queryParam("email");
    Optional<EmailAddress> one;
    try {
      one = email == null || email.isBlank()
          ? Optional.empty()
          : Optional.of(new EmailAddress(email));
    } catch (InvalidInput e) {
      throw new BadRequestResponse("The email address " + e.reason() + ".");
    }
    audit.record(
        user,
        "newsletter.export",
        "newsletter_subscriber",
        null,
        one.map(EmailAddress::value).orElse("all subscribers"),
        ClientAddress.of(ctx));
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"newsletter-subscribers.csv\"");
    var out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
    newsletter.subscribers().exportCsv(out, one);
    out.flush();
  }

  private void delete(Context ctx) {
    var user = Auth.signedIn(ctx);
    var form = Form.read(ctx, "email");
    EmailAddress address;
    try {
      address = new EmailAddress(form.value("email"));
    } catch (InvalidInput e) {
      form.error("email", "The email address " + e.reason() + ".");
      page(ctx, "", form, 400);
      return;
    }
    var ip = ClientAddress.of(ctx);
    var deleted = newsletter
        .subscribers()
        .delete(
            address,
            (tx, id) -> audit.record(
                tx,
                user,
                "newsletter.delete",
                "newsletter_subscriber",
                id,
                "erased on request",
                ip));
    if (deleted.isEmpty()) {
      form.error("email", "No subscriber has that address.");
      page(ctx, "", form, 404);
      return;
    }
    throw new Redirect(PATH + "?done=deleted", 303);
  }

  private void suppress(Context ctx) {
    var user = Auth.signedIn(ctx);
    var form = Form.read(ctx, "suppress-email", "kind");
    BounceReport report;
    try {
      var kind = BounceReport.COMPLAINT.equals(form.value("kind"))
          ? BounceReport.COMPLAINT
          : BounceReport.BOUNCE;
      report = new BounceReport(
          new EmailAddress(form.value("suppress-email")), kind, "reported by " + user.email());
    } catch (InvalidInput e) {
      form.error("suppress-email", "The email address " + e.reason() + ".");
      page(ctx, "", form, 400);
      return;
    }
    newsletter.bounce(report);
    audit.record(
        user,
        "newsletter.suppress",
        "newsletter_suppression",
        null,
        report.kind(),
        ClientAddress.of(ctx));
    throw new Redirect(PATH + "?done=suppressed", 303);
  }

  private void alert(Context ctx) {
    var user = Auth.signedIn(ctx);
    long id = Params.id(ctx, "id");
    Article article = articles.byId(id).orElseThrow(() -> new NotFoundResponse("no such article"));
    if (article.status() != ArticleStatus.PUBLISHED)
      throw new BadRequestResponse(
          "Only a published story can be sent as an alert: publish it first.");
    var story = new Story(
        article.headline(), article.standfirst(), site.config().baseUrl() + article.path());
    var send = newsletter.sendAlert(id, story, user.email());
    if (send.isPresent())
      audit.record(
          user,
          "newsletter.alert",
          "article",
          id,
          send.get().recipients() + " recipients",
          ClientAddress.of(ctx));
    throw new Redirect(
        AdminPaths.article(id) + "?alert=" + (send.isPresent() ? "sent" : "again"), 303);
  }

  /** What the editor page says after the alert button; empty for anything else. */
  static String alertNotice(String alert) {
    if ("sent".equals(alert)) return "The breaking alert is queued for every subscriber.";
    if ("again".equals(alert))
      return "This story was sent as an alert already; it is not sent twice.";
    return "";
  }
}
