package dev.byline.admin;

import dev.byline.auth.PendingSignIns;
import dev.byline.auth.Role;
import dev.byline.auth.Sessions;
import dev.byline.auth.Tokens;
import dev.byline.web.Auth;
import dev.byline.web.ClientAddress;
import dev.byline.web.UntrustedForwarding;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The before-handler on every request. It remembers the client's address ({@link
 * ClientAddress#of}), resolves the session cookie into the signed-in user
 * and the CSRF token ({@link Auth}'s request attributes), marks admin pages uncacheable, and
 * refuses any state-changing request whose CSRF token does not match, except under the exempt
 * path prefixes (endpoints that authenticate by other means, e.g. an agency's push token). A
 * signed-in user who must first choose a password, or whose role requires two-factor sign-in
 * they have not turned on, is sent to their account page before any other admin page.
 *
 * <p>Signed out, the token comes from a random "pre-session" cookie set on admin pages and the
 * few public form pages only (the newsletter sign-up), so the sign-in form is protected too and
 * every other public page never carries a cookie.
 */
public final class SessionGate implements dev.byline.web.Routes {
  public static final String SESSION_COOKIE = "byline_session";
  public static final String PRESESSION_COOKIE = "byline_presession";
  /** A sign-in waiting for its two-factor code ({@link dev.byline.auth.PendingSignIns}). */
  public static final String PENDING_COOKIE = "byline_signin";
  /** The {@link Sessions.Active} of the request, for pages that need more than the user. */
  public static final String SESSION_ATTRIBUTE = "byline.session";

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final Sessions sessions;
  private final Tokens tokens;
  private final List<String> csrfExempt;
  private final List<String> formPages;
  private final boolean secureCookies;
  private final ClientAddress address;
  private final UntrustedForwarding forwarding;
  private final Predicate<Role> twoFactorRequired;

  /**
   * @param csrfExempt path prefixes whose state-changing requests carry no CSRF token (each must
   *     authenticate its callers some other way)
   * @param secureCookies whether cookies carry {@code Secure} (the site is served over HTTPS)
   * @param trustForwarded whether the last {@code X-Forwarded-For} entry is the client's address
   *     (only behind a proxy that sets it; otherwise anyone could pick their address)
   * @param twoFactorRequired the roles that must turn two-factor sign-in on first
   */
  public SessionGate(
      Sessions sessions,
      Tokens tokens,
      List<String> csrfExempt,
      boolean secureCookies,
      boolean trustForwarded,
      Predicate<Role> twoFactorRequired) {
    this(sessions, tokens, csrfExempt, List.of(), secureCookies, trustForwarded, twoFactorRequired);
  }

  /**
   * @param formPages public pages outside {@code /admin} that show a form to signed-out readers
   *     (the newsletter sign-up); they get the pre-session cookie too, and must not be cached
   */
  public SessionGate(
      Sessions sessions,
      Tokens tokens,
      List<String> csrfExempt,
      List<String> formPages,
      boolean secureCookies,
      boolean trustForwarded,
      Predicate<Role> twoFactorRequired) {
    this.formPages = List.copyOf(formPages);
    this.address = ClientAddress.trustingForwarded(trustForwarded);
    this.forwarding = new UntrustedForwarding(trustForwarded);
    this.twoFactorRequired = twoFactorRequired;
    this.sessions = sessions;
    this.tokens = tokens;
    this.csrfExempt = List.copyOf(csrfExempt);
    for (var p : this.csrfExempt) {
      if (!p.startsWith("/") || p.equals("/") || p.startsWith("/admin")) {
        throw new IllegalArgumentException(
            "CSRF exemptions are narrow path prefixes outside /admin, not " + p);
      }
    }
    this.secureCookies = secureCookies;
  }

  @Override
  public void routes(io.javalin.config.RoutesConfig routes) {
    routes.before(this::handle);
  }

  public void handle(Context ctx) {
    address.remember(ctx);
    forwarding.notice(ctx);
    boolean admin = isAdmin(ctx.path());
    if (admin) ctx.header("Cache-Control", "no-store");
    var token = ctx.cookie(SESSION_COOKIE);
    var active =
        token == null ? java.util.Optional.<Sessions.Active>empty() : sessions.resolve(token);
    String expected = null;
    if (active.isPresent()) {
      ctx.attribute(Auth.USER_ATTRIBUTE, active.get().user());
      ctx.attribute(SESSION_ATTRIBUTE, active.get());
      expected = active.get().csrfToken();
    } else {
      if (token != null && admin) clearCookie(ctx, SESSION_COOKIE);
      var pre = ctx.cookie(PRESESSION_COOKIE);
      if ((pre == null || pre.length() != 43)
          && (admin || formPages.contains(ctx.path()))
          && SAFE_METHODS.contains(ctx.method().name())) {
        pre = tokens.newToken();
        setCookie(ctx, PRESESSION_COOKIE, pre, -1);
      }
      if (pre != null && pre.length() == 43) expected = Tokens.csrfFor(pre);
    }
    if (expected != null) ctx.attribute(Auth.CSRF_ATTRIBUTE, expected);
    if (!SAFE_METHODS.contains(ctx.method().name()) && !exempt(ctx.path())) {
      var sent = ctx.header(Auth.CSRF_HEADER);
      // The token of a form is in its body. Read that only when a token is expected at all,
      // and a multipart body (an upload) only for a signed-in user: nobody else may upload, so
      // an anonymous body is refused before it is read, let alone written to disk.
      if (sent == null && expected != null && isForm(ctx) && (active.isPresent() || !isUpload(ctx)))
        sent = ctx.formParam(Auth.CSRF_FIELD);
      if (expected == null || !Tokens.same(expected, sent)) {
        throw new ForbiddenResponse(
            "This form has expired or did not come from this site. Go back, reload the page and try again.");
      }
    }
    if (active.isPresent() && admin && !accountChecksExempt(ctx.path())) {
      var session = active.get();
      if (session.mustChangePassword())
        throw new dev.byline.web.Redirect("/admin/account?first=1", 303);
      if (!session.twoFactorOn() && twoFactorRequired.test(session.user().role()))
        throw new dev.byline.web.Redirect(TwoFactorPages.PATH + "?required=1", 303);
    }
  }

  /** Pages a user can reach before choosing a password or turning two-factor sign-in on. */
  private static boolean accountChecksExempt(String path) {
    return path.startsWith("/admin/account")
        || path.startsWith("/admin/logout")
        || path.startsWith("/admin/login");
  }

  /** Sends the session cookie: HttpOnly, SameSite=Lax, Secure behind HTTPS. */
  public void setSessionCookie(Context ctx, String token) {
    setCookie(ctx, SESSION_COOKIE, token, Sessions.ABSOLUTE_TIMEOUT.toSeconds());
    clearCookie(ctx, PRESESSION_COOKIE);
  }

  public void clearSessionCookie(Context ctx) {
    clearCookie(ctx, SESSION_COOKIE);
  }

  /** Sends the half-signed-in token, which lives as long as the wait for the code may. */
  public void setPendingCookie(Context ctx, String token) {
    setCookie(ctx, PENDING_COOKIE, token, PendingSignIns.LIFETIME.toSeconds());
  }

  public void clearPendingCookie(Context ctx) {
    clearCookie(ctx, PENDING_COOKIE);
  }

  private void setCookie(Context ctx, String name, String value, long maxAgeSeconds) {
    var c = new StringBuilder(name)
        .append('=')
        .append(value)
        .append("; Path=/; HttpOnly; SameSite=Lax");
    if (maxAgeSeconds >= 0) c.append("; Max-Age=").append(maxAgeSeconds);
    if (secureCookies) c.append("; Secure");
    ctx.res().addHeader("Set-Cookie", c.toString());
  }

  private void clearCookie(Context ctx, String name) {
    setCookie(ctx, name, "", 0);
  }

  private boolean exempt(String path) {
    for (var p : csrfExempt) if (path.startsWith(p)) return true;
    return false;
  }

  private static boolean isForm(Context ctx) {
    var type = ctx.contentType();
    return type != null
        && (type.startsWith("application/x-www-form-urlencoded")
            || type.startsWith("multipart/form-data"));
  }

  private static boolean isUpload(Context ctx) {
    var type = ctx.contentType();
    return type != null && type.startsWith("multipart/");
  }

  static boolean isAdmin(String path) {
    return path.equals("/admin") || path.startsWith("/admin/");
  }
}
