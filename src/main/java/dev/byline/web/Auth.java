package dev.byline.web;

import dev.byline.auth.Role;
import dev.byline.auth.User;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.util.Optional;

/**
 * The contract between the auth feature and every page that needs a signed-in user. The auth
 * feature's before-handler resolves the session and puts the user and the CSRF token on the
 * request under these attributes; it also refuses state-changing requests whose CSRF token does
 * not match. Pages only read them.
 *
 * <pre>{@code
 * var user = Auth.require(ctx, Role.EDITOR);       // redirects to sign-in, or 403
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

  /** The signed-in user with at least {@code role}; otherwise a redirect to sign in, or 403. */
  public static User require(Context ctx, Role role) {
    var user = user(ctx)
        .orElseThrow(() -> new Redirect(
            LOGIN_PATH + "?next="
                + java.net.URLEncoder.encode(ctx.path(), java.nio.charset.StandardCharsets.UTF_8),
            303));
    if (!user.can(role))
      throw new ForbiddenResponse("Your role (" + user.role().dbValue() + ") cannot do this.");
    return user;
  }

  /** The CSRF token to embed in forms and send with script requests; empty when signed out. */
  public static String csrfToken(Context ctx) {
    String token = ctx.attribute(CSRF_ATTRIBUTE);
    return token == null ? "" : token;
  }
}
