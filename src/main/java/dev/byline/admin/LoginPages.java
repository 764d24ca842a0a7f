package dev.byline.admin;

import dev.byline.auth.Accounts;
import dev.byline.auth.SignIn;
import dev.byline.web.Access;
import dev.byline.web.Auth;
import dev.byline.web.ClientAddress;
import dev.byline.web.Redirect;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Signing in and out. A successful sign-in always starts a new session (ending any the browser
 * had), so a session id planted before sign-in is worthless after it.
 */
public final class LoginPages implements Routes {
  /** The sign-in page. */
  public record LoginView(
      AdminChrome chrome, Form form, String next, String message, boolean signedOut) {}

  private final AdminSite site;
  private final Accounts accounts;
  private final SessionGate gate;

  public LoginPages(AdminSite site, Accounts accounts, SessionGate gate) {
    this.site = site;
    this.accounts = accounts;
    this.gate = gate;
  }

  @Override
  public void routes(RoutesConfig r) {
    r.get(Auth.LOGIN_PATH, this::show, Access.ANYONE);
    r.post(Auth.LOGIN_PATH, this::signIn, Access.ANYONE);
    r.post("/admin/logout", this::signOut, Access.ANYONE);
    r.post("/admin/logout-everywhere", this::signOutEverywhere, Access.WRITER);
  }

  private void show(Context ctx) {
    if (Auth.user(ctx).isPresent()) throw new Redirect(safeNext(ctx.queryParam("next")), 303);
    site.render(
        ctx,
        "admin/login.jte",
        new LoginView(
            site.chrome(ctx, ""),
            Form.empty(),
            safeNext(ctx.queryParam("next")),
            "",
            "1".equals(ctx.queryParam("out"))));
  }

  private void signIn(Context ctx) {
    var form = Form.read(ctx, "email", "password", "next");
    var next = safeNext(form.value("next"));
    if (form.value("email").isBlank()) form.error("email", "Email is empty");
    if (form.value("password").isEmpty()) form.error("password", "Password is empty");
    if (form.hasErrors()) {
      ctx.status(400);
      site.render(
          ctx, "admin/login.jte", new LoginView(site.chrome(ctx, ""), form, next, "", false));
      return;
    }
    var outcome = accounts
        .signIn()
        .attempt(
            form.value("email"), form.value("password"), ClientAddress.of(ctx), ctx.userAgent());
    if (outcome instanceof SignIn.Success s) {
      var old = ctx.cookie(SessionGate.SESSION_COOKIE);
      if (old != null) accounts.sessions().end(old);
      gate.setSessionCookie(ctx, s.session().token());
      throw new Redirect(s.mustChangePassword() ? "/admin/account?first=1" : next, 303);
    }
    String message;
    if (outcome instanceof SignIn.Throttled t) {
      ctx.status(429);
      ctx.header("Retry-After", Long.toString(Math.max(1, t.retryAfter().toSeconds())));
      message = t.message();
    } else {
      ctx.status(401);
      message = ((SignIn.Refused) outcome).message();
    }
    site.render(
        ctx, "admin/login.jte", new LoginView(site.chrome(ctx, ""), form, next, message, false));
  }

  private void signOut(Context ctx) {
    var token = ctx.cookie(SessionGate.SESSION_COOKIE);
    var user = Auth.user(ctx);
    accounts
        .sessions()
        .end(
            token,
            tx -> user.ifPresent(u -> accounts
                .audit()
                .record(tx, u, "user.logout", "user", u.id(), "", ClientAddress.of(ctx))));
    gate.clearSessionCookie(ctx);
    throw new Redirect(Auth.LOGIN_PATH + "?out=1", 303);
  }

  private void signOutEverywhere(Context ctx) {
    var user = Auth.signedIn(ctx);
    accounts
        .sessions()
        .endAll(
            user.id(),
            (tx, ended) -> accounts
                .audit()
                .record(
                    tx,
                    user,
                    "user.logout-everywhere",
                    "user",
                    user.id(),
                    ended + " sessions ended",
                    ClientAddress.of(ctx)));
    gate.clearSessionCookie(ctx);
    throw new Redirect(Auth.LOGIN_PATH + "?out=1", 303);
  }

  /** Only a path inside the admin may follow sign-in; anything else goes to the dashboard. */
  static String safeNext(String next) {
    if (next == null
        || !SessionGate.isAdmin(next)
        || next.contains("//")
        || next.contains("\\")
        || next.startsWith(Auth.LOGIN_PATH)) {
      return "/admin";
    }
    for (int i = 0; i < next.length(); i++)
      if (next.charAt(i) < 0x21 || next.charAt(i) > 0x7e) return "/admin";
    return next;
  }
}
