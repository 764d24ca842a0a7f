package dev.byline.ops;

import dev.byline.site.CachedPageHandler;
import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;

/**
 * Counts and times every request by route template (e.g. {@code /{section}/{slug}}), method and
 * status, never by raw path: readers and bots can ask for endlessly many paths, and each distinct
 * label value is a new time series in Prometheus.
 *
 * <p>Pages answered from memory never reach the router, so they count under the route
 * {@value #CACHED_ROUTE} through pre-resolved timers: a registry lookup per hit would cost more
 * than the hit itself.
 */
public final class RequestMetrics implements RequestLogger, CachedPageHandler.Observer {
  public static final String NAME = "http.server.requests";
  /** The route label of pages answered from the page cache before routing. */
  public static final String CACHED_ROUTE = "page-cache";
  /** The route label of requests no route matched (404s for unknown paths, probes). */
  public static final String UNMATCHED_ROUTE = "unmatched";

  /** Bucket bounds for latency histograms: few enough to keep series down, spanning cache hits to slow renders. */
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(5)
  };

  private final MeterRegistry registry;
  private final AccessLog accessLog;
  private final Timer cachedOk;
  private final Timer cachedNotModified;

  public RequestMetrics(MeterRegistry registry, AccessLog accessLog) {
    this.registry = registry;
    this.accessLog = accessLog;
    this.cachedOk = timer(CACHED_ROUTE, "GET", 200);
    this.cachedNotModified = timer(CACHED_ROUTE, "GET", 304);
  }

  /** Javalin calls this after each request it routed, with the time spent in milliseconds. */
  @Override
  public void handle(Context ctx, Float millis) {
    var endpoint = ctx.endpoints().matchedHttpEndpoint();
    var route = endpoint == null ? UNMATCHED_ROUTE : endpoint.path;
    int status = ctx.statusCode();
    long nanos = (long) (millis * 1_000_000.0);
    timer(route, ctx.method().name(), status).record(nanos, TimeUnit.NANOSECONDS);
    accessLog.request(ctx.method().name(), ctx.path(), route, status, nanos, ctx.ip());
  }

  /** The page cache's fast path: no lookups but for an unusual status. */
  @Override
  public void served(Request request, int status, long startNanos) {
    long nanos = System.nanoTime() - startNanos;
    var t = switch (status) {
      case 200 -> cachedOk;
      case 304 -> cachedNotModified;
      default -> timer(CACHED_ROUTE, "GET", status);
    };
    t.record(nanos, TimeUnit.NANOSECONDS);
    if (accessLog.enabled())
      accessLog.request(
          "GET",
          request.getHttpURI().getPath(),
          CACHED_ROUTE,
          status,
          nanos,
          Request.getRemoteAddr(request));
  }

  private Timer timer(String route, String method, int status) {
    return Timer.builder(NAME)
        .description("HTTP requests by route template, method and status")
        .tag("route", route)
        .tag("method", method)
        .tag("status", Integer.toString(status))
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }
}
