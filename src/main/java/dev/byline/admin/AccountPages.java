package dev.byline.admin;

import dev.byline.auth.AccountException;
import dev.byline.auth.Accounts;
import dev.byline.auth.Sessions;
import dev.byline.site.Dates;
import dev.byline.web.Access;
import dev.byline.web.Auth;
import dev.byline.web.ClientAddress;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/** A user's own account: change password, see where they are signed in, sign out everywhere. */
public final class AccountPages implements Routes {
  /** The account page; {@code first} asks for a new password before anything else. */
  public record AccountView(
      AdminChrome chrome,
      Dates dates,
      Form form,
      List<Sessions.Listed> sessions,
      String currentSession,
      boolean first,
      boolean changed) {}

  private final AdminSite site;
  private final Accounts accounts;

  public AccountPages(AdminSite site, Accounts accounts) {
    this.site = site;
    this.accounts = accounts;
  }

  @Override
  public void routes(RoutesConfig r) {
    r.get("/admin/account", this::show, Access.WRITER);
    r.post("/admin/account/password", this::changePassword, Access.WRITER);
  }

  private void show(Context ctx) {
    render(ctx, Form.empty(), "1".equals(ctx.queryParam("changed")));
  }

  private void render(Context ctx, Form form, boolean changed) {
    var user = Auth.signedIn(ctx);
    Sessions.Active session = ctx.attribute(SessionGate.SESSION_ATTRIBUTE);
    site.render(
        ctx,
        "admin/account.jte",
        new AccountView(
            site.chrome(ctx, ""),
            site.dates(),
            form,
            accounts.sessions().of(user.id()),
            session.tokenHash(),
            session.mustChangePassword(),
            changed));
  }

  private void changePassword(Context ctx) {
    var user = Auth.signedIn(ctx);
    Sessions.Active session = ctx.attribute(SessionGate.SESSION_ATTRIBUTE);
    var form = Form.read(ctx, "current-password", "new-password", "confirm-password");
    try {
      accounts
          .signIn()
          .changePassword(
              user,
              form.value("current-password"),
              form.value("new-password"),
              form.value("confirm-password"),
              session.tokenHash(),
              ClientAddress.of(ctx));
    } catch (AccountException e) {
      form.error(e.field().replace(' ', '-'), Form.label(e.field()) + " " + e.reason());
      ctx.status(400);
      render(ctx, form, false);
      return;
    }
    throw new dev.byline.web.Redirect("/admin/account?changed=1", 303);
  }
}
