package dev.byline.web;

import io.javalin.config.JavalinState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.EndpointMetadata;
import io.javalin.security.Roles;
import java.util.HashSet;
import java.util.Set;

/**
 * HEAD answered by the GET route itself. Javalin on its own answers HEAD with an empty 200
 * wherever a GET route matches, without running it, so a catch-all route made every address
 * look present. Running the GET handler gives HEAD the same status and headers (404, 301,
 * Content-Type, ETag, Cache-Control); Jetty sends no body for a HEAD request.
 */
final class HeadRoutes {
  private HeadRoutes() {}

  /** Adds a HEAD route, with the same rule of access, for every GET route registered so far. */
  static void mirror(JavalinState app, RoutesConfig routes) {
    var heads = new HashSet<String>();
    var gets = app.internalRouter.allHttpHandlers().stream()
        .map(p -> p.endpoint)
        .filter(e -> {
          if (HandlerType.HEAD.equals(e.method)) heads.add(e.path);
          return HandlerType.GET.equals(e.method);
        })
        .toList();
    for (var get : gets) {
      if (heads.contains(get.path)) continue;
      var roles = get.metadata(Roles.class);
      Set<EndpointMetadata> metadata = roles == null ? Set.of() : Set.of(roles);
      routes.addEndpoint(new Endpoint(HandlerType.HEAD, get.path, get.handler, metadata));
    }
  }
}
