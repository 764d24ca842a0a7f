package dev.byline.ops;

import dev.byline.config.Config;
import dev.byline.search.SearchIndex;
import dev.byline.site.CachedPageHandler;
import dev.byline.site.PageCache;
import dev.byline.store.ChangeFeed;
import dev.byline.store.ChangeFollower;
import dev.byline.store.Database;
import dev.byline.web.Routes;
import dev.byline.wire.StoryState;
import dev.byline.wire.WireStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The operations feature assembled in one place: health and readiness routes, the metrics
 * registry and its route, request metrics and the access log. The composition root hands it the
 * parts it watches and mounts what it returns.
 */
public final class Operations implements AutoCloseable {
  private final OpsMetrics metrics;
  private final RequestMetrics requests;
  private final List<Routes> routes;

  private Operations(OpsMetrics metrics, RequestMetrics requests, List<Routes> routes) {
    this.metrics = metrics;
    this.requests = requests;
    this.routes = routes;
  }

  /** The parts of a running site that operations watch. */
  public record Watched(
      Database db,
      ChangeFeed feed,
      SearchIndex index,
      PageCache cache,
      ChangeFollower cacheFollower,
      WireStore wire) {}

  public static Operations assemble(Config config, Watched w, Clock clock) {
    var node = nodeName(config);
    var readiness = new Readiness(
        new HealthProbe(w.db(), node),
        w.feed(),
        w.index(),
        config.dataDir(),
        config.intSetting("ready.index.max.lag", (int) Readiness.DEFAULT_MAX_INDEX_LAG),
        config.intSetting("ready.disk.min.mb", (int) Readiness.DEFAULT_MIN_FREE_MB),
        clock);
    var metrics = new OpsMetrics(node);
    metrics.pageCache(w.cache());
    metrics.changeFeed(
        w.feed(),
        Map.of("search-index", w.index()::position, "page-cache", w.cacheFollower()::position));
    metrics.wireQueue(w.wire(), s -> s.counts().getOrDefault(StoryState.NEW, 0).doubleValue());
    var requests = new RequestMetrics(
        metrics.registry(), new AccessLog(config.boolSetting("log.access", false)));
    var scrape = new MetricsRoute(
        metrics.registry(),
        MetricsRoute.addresses(config.setting("metrics.allow", MetricsRoute.DEFAULT_ALLOW)),
        config.setting("metrics.token", ""));
    return new Operations(metrics, requests, List.of(new HealthRoutes(readiness), scrape));
  }

  /** Routes to mount before any catch-all. */
  public List<Routes> routes() {
    return routes;
  }

  /** For the web server: every routed request. */
  public RequestMetrics requestLog() {
    return requests;
  }

  /** For the page cache's fast path. */
  public CachedPageHandler.Observer cachedPages() {
    return requests;
  }

  /**
   * This node's name in metrics and the health probe: {@code node.name}, else the host name the
   * environment gives (a container's id under Docker), else "byline".
   */
  public static String nodeName(Config config) {
    return config.setting("node.name").filter(s -> !s.isBlank()).orElseGet(() -> {
      var host = System.getenv("HOSTNAME");
      return host == null || host.isBlank() ? "byline" : host;
    });
  }

  @Override
  public void close() {
    metrics.close();
  }
}
