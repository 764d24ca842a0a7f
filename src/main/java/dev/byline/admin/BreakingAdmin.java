package dev.byline.admin;

import dev.byline.auth.AuditLog;
import dev.byline.auth.Role;
import dev.byline.content.InvalidInput;
import dev.byline.curation.BreakingDesk;
import dev.byline.curation.BreakingNews;
import dev.byline.store.Transactions;
import dev.byline.web.Access;
import dev.byline.web.Auth;
import dev.byline.web.ClientAddress;
import dev.byline.web.Redirect;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;

/**
 * The breaking-news banner for editors: raise it (text, link, expiry), change it by raising
 * another, or take it down. It shows on every page within a second, without purging any page.
 */
public final class BreakingAdmin implements Routes {
  static final String BASE = "/admin/breaking";
  /** What the expiry field offers: a banner is news for hours, not days. */
  static final Duration DEFAULT_LIFETIME = Duration.ofHours(2);

  public record BreakingView(
      AdminChrome chrome, BreakingNews current, String currentExpires, Form form) {}

  private final AdminSite site;
  private final Transactions transactions;
  private final BreakingDesk breaking;
  private final AuditLog audit;
  private final Clock clock;

  public BreakingAdmin(
      AdminSite site,
      Transactions transactions,
      BreakingDesk breaking,
      AuditLog audit,
      Clock clock) {
    this.site = site;
    this.transactions = transactions;
    this.breaking = breaking;
    this.audit = audit;
    this.clock = clock;
    site.addNav("breaking", "Breaking news", BASE, Role.EDITOR);
  }

  @Override
  public void routes(RoutesConfig r) {
    r.get(
        BASE,
        ctx -> page(
            ctx,
            Form.empty()
                .set(
                    "expires",
                    Times.format(
                        clock.instant().plus(DEFAULT_LIFETIME), site.config().timeZone())),
            200),
        Access.EDITOR);
    r.post(BASE, this::raise, Access.EDITOR);
    r.post(BASE + "/clear", this::clear, Access.EDITOR);
  }

  private void page(Context ctx, Form form, int status) {
    var current = breaking.current().orElse(null);
    ctx.status(status);
    site.render(
        ctx,
        "admin/breaking.jte",
        new BreakingView(
            site.chrome(ctx, "breaking"),
            current,
            current == null
                ? ""
                : Times.format(current.expiresAt(), site.config().timeZone()).replace('T', ' '),
            form));
  }

  private void raise(Context ctx) {
    var user = Auth.signedIn(ctx);
    var form = Form.read(ctx, "text", "url", "expires");
    var expires = Times.parse(
        form, form.value("expires"), "expires", "Expiry", site.config().timeZone());
    if (expires == null && !form.hasErrors())
      form.error("expires", "Expiry is empty; give the time it comes down");
    try {
      if (!form.hasErrors()) {
        transactions.useTransaction(tx -> {
          long id = breaking.raise(tx, form.value("text"), form.value("url"), expires, user.name());
          audit.record(
              tx,
              user,
              "breaking.raise",
              "breaking",
              id,
              form.value("text"),
              ClientAddress.of(ctx));
        });
      }
    } catch (InvalidInput e) {
      var field = switch (e.field()) {
        case "expiry" -> "expires";
        case "link" -> "url";
        default -> e.field();
      };
      form.error(field, ArticleInput.sentence(e.field(), e.reason()));
    }
    if (form.hasErrors()) {
      page(ctx, form, 400);
      return;
    }
    throw new Redirect(BASE, 303);
  }

  private void clear(Context ctx) {
    var user = Auth.signedIn(ctx);
    transactions.useTransaction(tx -> {
      breaking.clear(tx);
      audit.record(tx, user, "breaking.clear", "breaking", null, "", ClientAddress.of(ctx));
    });
    throw new Redirect(BASE, 303);
  }
}
