package dev.byline.admin;

import dev.byline.auth.AccountException;
import dev.byline.auth.Accounts;
import dev.byline.auth.Role;
import dev.byline.auth.UserStore;
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
 * Newsroom accounts, for admins: add a user (with a one-time password they change at first
 * sign-in), change name, role or access, set a new one-time password, sign someone out everywhere,
 * unlock an account slowed by failed sign-ins, reset a lost two-factor sign-in. Each is audited.
 */
public final class UserPages implements Routes {
  /** The list of users with the form to add one; {@code newPassword} is shown once after adding or resetting. */
  public record UsersView(
      AdminChrome chrome,
      List<UserStore.Account> users,
      Form form,
      String newPasswordFor,
      String newPassword) {}

  /**
   * One user's page; {@code recentFailures} counts failed sign-ins within the throttle window,
   * {@code twoFactorOn} whether they sign in with a code.
   */
  public record UserView(
      AdminChrome chrome,
      UserStore.Account account,
      Form form,
      String newPassword,
      String notice,
      int recentFailures,
      boolean twoFactorOn) {}

  private final AdminSite site;
  private final Accounts accounts;

  public UserPages(AdminSite site, Accounts accounts) {
    this.site = site;
    this.accounts = accounts;
  }

  @Override
  public void routes(RoutesConfig r) {
    r.get(
        "/admin/users", ctx -> list(ctx, Form.empty().set("role", "writer"), "", ""), Access.ADMIN);
    r.post("/admin/users", this::create, Access.ADMIN);
    r.get("/admin/users/{id}", ctx -> one(ctx, null, "", ""), Access.ADMIN);
    r.post("/admin/users/{id}", this::update, Access.ADMIN);
    r.post("/admin/users/{id}/password", this::resetPassword, Access.ADMIN);
    r.post("/admin/users/{id}/logout", this::signOutEverywhere, Access.ADMIN);
    r.post("/admin/users/{id}/unlock", this::unlock, Access.ADMIN);
    r.post("/admin/users/{id}/two-factor/reset", this::resetTwoFactor, Access.ADMIN);
  }

  private void list(Context ctx, Form form, String forEmail, String password) {
    site.render(
        ctx,
        "admin/users.jte",
        new UsersView(site.chrome(ctx, "users"), accounts.users().all(), form, forEmail, password));
  }

  private void create(Context ctx) {
    var admin = Auth.signedIn(ctx);
    var form = Form.read(ctx, "email", "name", "role");
    Role role = null;
    try {
      role = Role.parse(form.value("role"));
    } catch (IllegalArgumentException e) {
      form.error("role", "Role must be writer, editor or admin");
    }
    var password = accounts.tokens().newPassword();
    if (!form.hasErrors()) {
      try {
        var as = role;
        var user = accounts
            .users()
            .create(
                form.value("email"),
                form.value("name"),
                role,
                password,
                true,
                (tx, made) -> accounts
                    .audit()
                    .record(
                        tx,
                        admin,
                        "user.create",
                        "user",
                        made.id(),
                        made.email() + " as " + as.dbValue(),
                        ClientAddress.of(ctx)));
        list(ctx, Form.empty().set("role", "writer"), user.email(), password);
        return;
      } catch (AccountException e) {
        form.error(e.field(), Form.label(e.field()) + " " + e.reason());
      }
    }
    ctx.status(400);
    list(ctx, form, "", "");
  }

  private UserStore.Account account(Context ctx) {
    return accounts
        .users()
        .account(Params.id(ctx, "id"))
        .orElseThrow(() -> new NotFoundResponse("There is no such user."));
  }

  private void one(Context ctx, Form form, String password, String notice) {
    var account = account(ctx);
    var f = form != null
        ? form
        : Form.empty()
            .set("name", account.user().name())
            .set("role", account.user().role().dbValue())
            .set("disabled", account.disabled() ? "on" : "");
    site.render(
        ctx,
        "admin/user.jte",
        new UserView(
            site.chrome(ctx, "users"),
            account,
            f,
            password,
            notice,
            accounts.throttle().recentFailures(account.user().email()),
            accounts.twoFactor().isOn(account.user().id())));
  }

  private void update(Context ctx) {
    var admin = Auth.signedIn(ctx);
    var account = account(ctx);
    var form = Form.read(ctx, "name", "role", "disabled");
    try {
      var role = Role.parse(form.value("role"));
      accounts
          .users()
          .update(account.user().id(), form.value("name"), role, form.checked("disabled"), tx -> {
            if (form.checked("disabled"))
              accounts.sessions().endAll(tx, account.user().id());
            accounts
                .audit()
                .record(
                    tx,
                    admin,
                    "user.update",
                    "user",
                    account.user().id(),
                    "role " + account.user().role().dbValue() + " → " + role.dbValue()
                        + (form.checked("disabled") ? ", access disabled" : ""),
                    ClientAddress.of(ctx));
          });
    } catch (IllegalArgumentException e) {
      form.error("role", "Role must be writer, editor or admin");
    } catch (AccountException e) {
      form.error(e.field(), Form.label(e.field()) + " " + e.reason());
    }
    if (form.hasErrors()) {
      ctx.status(400);
      one(ctx, form, "", "");
      return;
    }
    throw new Redirect("/admin/users/" + account.user().id(), 303);
  }

  private void resetPassword(Context ctx) {
    var admin = Auth.signedIn(ctx);
    var account = account(ctx);
    var password = accounts.tokens().newPassword();
    accounts.users().setPassword(account.user().id(), password, true, tx -> {
      accounts.sessions().endAll(tx, account.user().id());
      accounts.throttle().lift(tx, account.user().email());
      accounts
          .audit()
          .record(
              tx,
              admin,
              "user.password-reset",
              "user",
              account.user().id(),
              "one-time password set, sign-in throttle lifted",
              ClientAddress.of(ctx));
    });
    one(ctx, null, password, "");
  }

  private void signOutEverywhere(Context ctx) {
    var admin = Auth.signedIn(ctx);
    var account = account(ctx);
    int n = accounts
        .sessions()
        .endAll(
            account.user().id(),
            (tx, ended) -> accounts
                .audit()
                .record(
                    tx,
                    admin,
                    "user.logout-everywhere",
                    "user",
                    account.user().id(),
                    ended + " sessions ended",
                    ClientAddress.of(ctx)));
    one(ctx, null, "", "Signed out of " + n + (n == 1 ? " session." : " sessions."));
  }

  /** Forgets the account's failed sign-ins, so its owner is no longer slowed anywhere. */
  private void unlock(Context ctx) {
    var admin = Auth.signedIn(ctx);
    var account = account(ctx);
    int n = accounts
        .throttle()
        .lift(
            account.user().email(),
            (tx, lifted) -> accounts
                .audit()
                .record(
                    tx,
                    admin,
                    "user.unlock",
                    "user",
                    account.user().id(),
                    lifted + " failed sign-ins forgotten",
                    ClientAddress.of(ctx)));
    one(
        ctx,
        null,
        "",
        "Unlocked: " + n + (n == 1 ? " failed sign-in" : " failed sign-ins") + " forgotten.");
  }

  /** For a lost phone: they sign in with the password alone, or must enrol again if required. */
  private void resetTwoFactor(Context ctx) {
    var admin = Auth.signedIn(ctx);
    var account = account(ctx);
    accounts.twoFactor().reset(admin, account.user(), ClientAddress.of(ctx));
    one(ctx, null, "", "Two-factor sign-in reset for " + account.user().email() + ".");
  }
}
