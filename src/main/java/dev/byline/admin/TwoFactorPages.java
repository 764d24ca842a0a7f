package dev.byline.admin;

import dev.byline.auth.AccountException;
import dev.byline.auth.Accounts;
import dev.byline.auth.Totp;
import dev.byline.auth.TwoFactor;
import dev.byline.auth.User;
import dev.byline.web.Access;
import dev.byline.web.Auth;
import dev.byline.web.ClientAddress;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * A user's own two-factor sign-in: enrol an authenticator app (its link as text and as a QR
 * code, confirmed with a code before it counts), see how many recovery codes are left, get a new
 * set (shown once), or turn it off. Changing or turning it off asks for a current code or the
 * password, so an unattended browser is not enough.
 */
public final class TwoFactorPages implements Routes {
  public static final String PATH = "/admin/account/two-factor";

  /**
   * The two-factor page. {@code enrolUri} and {@code enrolQr} are set while enrolling; {@code
   * recoveryCodes} only right after they were made; {@code required} when the user's role must
   * have it on before going anywhere else.
   */
  public record TwoFactorView(
      AdminChrome chrome,
      Form form,
      TwoFactor.Status status,
      String enrolSecret,
      String enrolUri,
      String enrolQr,
      List<String> recoveryCodes,
      boolean required,
      String notice) {}

  private final AdminSite site;
  private final Accounts accounts;

  public TwoFactorPages(AdminSite site, Accounts accounts) {
    this.site = site;
    this.accounts = accounts;
  }

  @Override
  public void routes(RoutesConfig r) {
    r.get(PATH, ctx -> render(ctx, Form.empty(), List.of(), ""), Access.WRITER);
    r.post(PATH + "/enrol", this::enrol, Access.WRITER);
    r.post(PATH + "/confirm", this::confirm, Access.WRITER);
    r.post(PATH + "/recovery-codes", this::regenerate, Access.WRITER);
    r.post(PATH + "/off", this::turnOff, Access.WRITER);
  }

  private void render(Context ctx, Form form, List<String> recoveryCodes, String notice) {
    var user = Auth.signedIn(ctx);
    var status = accounts.twoFactor().status(user.id());
    var secret = accounts.twoFactor().enrolling(user.id()).orElse("");
    var uri = secret.isEmpty() ? "" : Totp.uri(site.config().siteName(), user.email(), secret);
    site.render(
        ctx,
        "admin/two-factor.jte",
        new TwoFactorView(
            site.chrome(ctx, ""),
            form,
            status,
            secret,
            uri,
            uri.isEmpty() ? "" : QrCode.svgDataUri(uri),
            recoveryCodes,
            !status.on() && accounts.rules().requiresTwoFactor(user.role()),
            notice));
  }

  private void enrol(Context ctx) {
    try {
      accounts.twoFactor().enrol(Auth.signedIn(ctx));
      render(ctx, Form.empty(), List.of(), "");
    } catch (AccountException e) {
      refuse(ctx, Form.empty(), e);
    }
  }

  private void confirm(Context ctx) {
    var form = Form.read(ctx, "code");
    try {
      var codes = accounts
          .twoFactor()
          .confirm(Auth.signedIn(ctx), form.value("code"), ClientAddress.of(ctx));
      render(ctx, Form.empty(), codes, "Two-factor sign-in is on.");
    } catch (AccountException e) {
      refuse(ctx, form, e);
    }
  }

  private void regenerate(Context ctx) {
    var user = Auth.signedIn(ctx);
    var form = Form.read(ctx, "proof");
    try {
      checkProof(user, form.value("proof"), ClientAddress.of(ctx));
      var codes = accounts.twoFactor().regenerate(user, ClientAddress.of(ctx));
      render(
          ctx, Form.empty(), codes, "New recovery codes are ready; the old ones no longer work.");
    } catch (AccountException e) {
      refuse(ctx, form, e);
    }
  }

  private void turnOff(Context ctx) {
    var user = Auth.signedIn(ctx);
    var form = Form.read(ctx, "proof");
    try {
      checkProof(user, form.value("proof"), ClientAddress.of(ctx));
      accounts.twoFactor().turnOff(user, ClientAddress.of(ctx));
      render(ctx, Form.empty(), List.of(), "Two-factor sign-in is off.");
    } catch (AccountException e) {
      refuse(ctx, form, e);
    }
  }

  /**
   * A current code (or an unused recovery code), or the password. Wrong ones count as failed
   * sign-ins, and once those are over the limit none is checked here, so this form is no way
   * around sign-in throttling for whoever holds an unattended browser.
   */
  private void checkProof(User user, String proof, String ip) {
    if (proof.isBlank()) throw new AccountException("proof", "is empty");
    if (accounts.throttle().check(user.email(), ip).isPresent())
      throw new AccountException(
          "proof", "cannot be checked now: too many wrong tries. Try again in 15 minutes");
    boolean ok = accounts.twoFactor().check(user.id(), proof).isPresent()
        || accounts.signIn().passwordMatches(user, proof);
    if (!ok) {
      accounts.throttle().failed(user.email(), ip);
      throw new AccountException("proof", "is neither a current code nor your password");
    }
  }

  private void refuse(Context ctx, Form form, AccountException e) {
    var field = e.field().equals("two-factor sign-in") ? "code" : e.field();
    var label = e.field().equals("proof") ? "Code or password" : Form.label(e.field());
    form.error(field, label + " " + e.reason());
    ctx.status(400);
    render(ctx, form, List.of(), "");
  }
}
