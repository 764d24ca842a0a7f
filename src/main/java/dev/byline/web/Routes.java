package dev.byline.web;

import io.javalin.config.RoutesConfig;

/** A feature's HTTP surface: each page or API class registers its own routes. */
public interface Routes {
  void routes(RoutesConfig routes);
}
