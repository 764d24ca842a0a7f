package dev.byline;

import dev.byline.config.Config;
import dev.byline.ops.Operations;
import dev.byline.ops.RequestMetrics;
import dev.byline.site.CachedPageHandler;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import java.time.Clock;

/**
 * Running the site: {@code /healthz} and {@code /readyz}, Prometheus {@code /metrics}, request
 * metrics and the access log, watching the search index, the page cache and the wire inbox.
 */
final class OperationsFeature implements Routes, AutoCloseable {
  private final Operations ops;

  OperationsFeature(
      Config config,
      Newsroom newsroom,
      SearchFeature search,
      SiteFeature site,
      WireFeature wire,
      Clock clock) {
    ops = Operations.assemble(
        config,
        new Operations.Watched(
            newsroom.db(),
            newsroom.feed(),
            search.index(),
            site.cache(),
            site.cacheFollower(),
            wire.wire().store()),
        clock);
  }

  /** Counts pages answered from memory before routing. */
  CachedPageHandler.Observer cachedPages() {
    return ops.cachedPages();
  }

  /** Told of every routed request. */
  RequestMetrics requestLog() {
    return ops.requestLog();
  }

  @Override
  public void routes(RoutesConfig r) {
    for (var routes : ops.routes()) routes.routes(r);
  }

  @Override
  public void close() {
    ops.close();
  }
}
