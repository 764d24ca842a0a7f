package dev.byline.site;

import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.NotFoundResponse;
import java.util.Optional;

/** {@code GET /ads.txt}: who may sell this site's ad space, from configuration; 404 when nobody is named. */
public final class AdsTxtRoute implements Routes {
  private final Optional<String> body;

  public AdsTxtRoute(Optional<String> body) {
    this.body = body;
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.get("/ads.txt", ctx -> {
      if (body.isEmpty()) throw new NotFoundResponse("This site publishes no ads.txt.");
      ctx.header("Cache-Control", "public, max-age=3600");
      ctx.contentType("text/plain; charset=utf-8");
      ctx.result(body.get());
    });
  }
}
