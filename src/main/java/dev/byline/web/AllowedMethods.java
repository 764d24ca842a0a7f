package dev.byline.web;

import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers a method an address does not take with 405 and an {@code Allow} header naming the
 * ones it does, before the session and CSRF checks (which would otherwise call a PUT to a page
 * an expired form). An address no method takes is left to become a 404.
 */
final class AllowedMethods {
  /** The methods an {@code Allow} header can name, in the order it names them. */
  private static final List<HandlerType> KNOWN = List.of(
      HandlerType.GET,
      HandlerType.HEAD,
      HandlerType.POST,
      HandlerType.PUT,
      HandlerType.PATCH,
      HandlerType.DELETE,
      HandlerType.OPTIONS);

  private final JavalinState app;

  /** @param app the server's state, to find the routes an address has */
  AllowedMethods(JavalinState app) {
    this.app = app;
  }

  void check(Context ctx) {
    var path = ctx.path();
    if (answers(ctx.method(), path)) return;
    var allowed = new ArrayList<String>();
    for (var m : KNOWN) if (answers(m, path)) allowed.add(m.name());
    if (allowed.isEmpty()) return;
    var list = String.join(", ", allowed);
    throw new Refused(
        405,
        "This address does not take " + printable(ctx.method().name()) + " requests; it takes "
            + list + ".",
        Map.of("Allow", list));
  }

  /** Whether a route answers {@code method} at {@code path}; HEAD is answered wherever GET is. */
  private boolean answers(HandlerType method, String path) {
    if (app.internalRouter.findFirstHttpHandlerEntry(method, path) != null) return true;
    return HandlerType.HEAD.equals(method)
        && app.internalRouter.findFirstHttpHandlerEntry(HandlerType.GET, path) != null;
  }

  /** A method name fit to repeat: Jetty admits only tokens, but keep the message short. */
  private static String printable(String method) {
    return method.length() > 20 ? method.substring(0, 20) + "…" : method;
  }
}
