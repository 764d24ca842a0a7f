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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Signing in and out. A successful sign-in always starts a new session (ending any the browser
 * had), so a session id planted before sign-in is worthless after it. For an account with
 * two-factor sign-in, the right password leads to a second page asking for the code; only that
 * page's success starts the session.
 */
public final class LoginPages implements Routes {
  /** The sign-in page. */
  public record LoginView(
      AdminChrome chrome, Form form, String next, String message, boolean signedOut) {}

  /** The second step: the code from the authenticator app, or a recovery code. */
  public record CodeView(AdminChrome chrome, Form form, String next, String message) {}

  static final String CODE_PATH = Auth.LOGIN_PATH + "/code";

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
    r.get(CODE_PATH, this::showCode, Access.ANYONE);
    r.post(CODE_PATH, this::confirmCode, Access.ANYONE);
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
    if (outcome instanceof SignIn.SecondStep step) {
      gate.setPendingCookie(ctx, step.pendingToken());
      throw new Redirect(
          CODE_PATH + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), 303);
    }
    var message = finish(ctx, outcome, next);
    site.render(
        ctx, "admin/login.jte", new LoginView(site.chrome(ctx, ""), form, next, message, false));
  }

  private void showCode(Context ctx) {
    var next = safeNext(ctx.queryParam("next"));
    if (accounts.signIn().pending(ctx.cookie(SessionGate.PENDING_COOKIE)).isEmpty())
      throw new Redirect(
          Auth.LOGIN_PATH + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), 303);
    site.render(
        ctx, "admin/login-code.jte", new CodeView(site.chrome(ctx, ""), Form.empty(), next, ""));
  }

  private void confirmCode(Context ctx) {
    var form = Form.read(ctx, "code", "next");
    var next = safeNext(form.value("next"));
    if (form.value("code").isBlank()) {
      form.error("code", "Code is empty");
      ctx.status(400);
      site.render(ctx, "admin/login-code.jte", new CodeView(site.chrome(ctx, ""), form, next, ""));
      return;
    }
    var outcome = accounts
        .signIn()
        .confirm(
            ctx.cookie(SessionGate.PENDING_COOKIE),
            form.value("code"),
            ClientAddress.of(ctx),
            ctx.userAgent());
    if (outcome instanceof SignIn.Expired e) {
      gate.clearPendingCookie(ctx);
      ctx.status(401);
      site.render(
          ctx,
          "admin/login.jte",
          new LoginView(site.chrome(ctx, ""), Form.empty(), next, e.message(), false));
      return;
    }
    var message = finish(ctx, outcome, next);
    site.render(
        ctx, "admin/login-code.jte", new CodeView(site.chrome(ctx, ""), form, next, message));
  }

  /**
   * On success starts the browser's new session and redirects; otherwise sets the status and
   * returns the message to show.
   */
  private String finish(Context ctx, SignIn.Outcome outcome, String next) {
    if (outcome instanceof SignIn.Success s) {
      var old = ctx.cookie(SessionGate.SESSION_COOKIE);
      if (old != null) accounts.sessions().end(old);
      if (ctx.cookie(SessionGate.PENDING_COOKIE) != null) gate.clearPendingCookie(ctx);
      gate.setSessionCookie(ctx, s.session().token());
      throw new Redirect(s.mustChangePassword() ? "/admin/account?first=1" : next, 303);
    }
    if (outcome instanceof SignIn.Throttled t) {
      ctx.status(429);
      ctx.header("Retry-After", Long.toString(Math.max(1, t.retryAfter().toSeconds())));
      return t.message();
    }
    ctx.status(401);
    if (outcome instanceof SignIn.Refused r) return r.message();
    if (outcome instanceof SignIn.Expired e) return e.message();
    throw new IllegalStateException("not a refusal: " + outcome);
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
