package dev.byline.web;

import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that checks a route's {@link Access}, after the session has been resolved and
 * before the handler runs. Signed out, a page asks the reader to sign in (a redirect) and a JSON
 * client is told 401; signed in with too small a role, both get 403. A route under {@code /admin}
 * or {@code /api} registered without a rule is refused to everybody.
 */
final class AccessGuard {
  private static final Logger log = LoggerFactory.getLogger(AccessGuard.class);

  private final JavalinState app;

  /** @param app the server's state, to find the GET route a HEAD request is answered by */
  AccessGuard(JavalinState app) {
    this.app = app;
  }

  void check(Context ctx) {
    var endpoint = endpoint(ctx);
    if (endpoint == null) return;
    var access = of(endpoint);
    if (access.isEmpty()) {
      if (!guarded(endpoint.path)) return;
      // Fail closed: a newsroom or API route nobody gave a rule is open to nobody.
      log.error("event=route_without_access method={} route={}", endpoint.method, endpoint.path);
      throw new ForbiddenResponse("This address is not open to anybody.");
    }
    var role = access.get().role();
    if (role.isEmpty()) return;
    var user = Auth.user(ctx);
    if (user.isEmpty()) {
      if (Errors.wantsJson(ctx))
        throw new UnauthorizedResponse("Sign in to the newsroom to do this.");
      throw new Redirect(
          Auth.LOGIN_PATH + "?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8), 303);
    }
    if (!user.get().can(role.get()))
      throw new ForbiddenResponse(
          "Your role (" + user.get().role().dbValue() + ") cannot do this.");
  }

  /** The route that answers: the matched one, or for HEAD the GET route Javalin answers it from. */
  private Endpoint endpoint(Context ctx) {
    var matched = ctx.endpoints().matchedHttpEndpoint();
    if (matched != null || !HandlerType.HEAD.equals(ctx.method())) return matched;
    var get = app.internalRouter.findFirstHttpHandlerEntry(HandlerType.GET, ctx.path());
    return get == null ? null : get.endpoint;
  }

  /** The route's rule, if it has one. */
  static Optional<Access> of(Endpoint endpoint) {
    var roles = endpoint.metadata(Roles.class);
    if (roles == null) return Optional.empty();
    return roles.getRoles().stream()
        .filter(Access.class::isInstance)
        .map(Access.class::cast)
        .findFirst();
  }

  /** Route paths where every route must say who may use it: the newsroom and the APIs. */
  static boolean guarded(String path) {
    return path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/api/");
  }
}
