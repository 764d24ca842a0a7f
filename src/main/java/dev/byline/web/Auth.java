package dev.byline.web;

import dev.byline.auth.User;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The contract between the auth feature and every page that needs a signed-in user. The auth
 * feature's before-handler resolves the session and puts the user and the CSRF token on the
 * request under these attributes; it also refuses state-changing requests whose CSRF token does
 * not match. Who may use a route is declared with the route ({@link Access}) and checked by one
 * guard; pages only read these attributes.
 *
 * <pre>{@code
 * r.get("/admin/sections", this::list, Access.EDITOR); // the guard signs in or refuses
 * var user = Auth.signedIn(ctx);                   // in the handler: who is asking
 * view.csrf = Auth.csrfToken(ctx);                 // <input type="hidden" name="csrf" value="…">
 * }</pre>
 */
public final class Auth {
  public static final String USER_ATTRIBUTE = "byline.user";
  public static final String CSRF_ATTRIBUTE = "byline.csrf";
  /** The form field and header that carry the CSRF token. */
  public static final String CSRF_FIELD = "csrf";

  public static final String CSRF_HEADER = "X-CSRF-Token";
  public static final String LOGIN_PATH = "/admin/login";

  private Auth() {}

  public static Optional<User> user(Context ctx) {
    return Optional.ofNullable(ctx.attribute(USER_ATTRIBUTE));
  }

  /**
   * The signed-in user on a route whose {@link Access} asks for a role: the guard has already
   * sent everybody else away, so a missing user here is a route registered without its rule.
   */
  public static User signedIn(Context ctx) {
    return user(ctx)
        .orElseThrow(() -> new IllegalStateException(
            "no signed-in user on " + ctx.path() + ": register the route with an Access role"));
  }

  /** The CSRF token to embed in forms and send with script requests; empty when signed out. */
  public static String csrfToken(Context ctx) {
    String token = ctx.attribute(CSRF_ATTRIBUTE);
    return token == null ? "" : token;
  }
}
