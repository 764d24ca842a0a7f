package dev.byline.ops;

import dev.byline.json.Json;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /healthz}: the process answers (for a liveness probe, which restarts the process when it
 * fails). {@code /readyz}: every readiness check passes, else 503 (for a load balancer, which
 * stops sending readers here meanwhile). Neither is ever cached.
 */
public final class HealthRoutes implements Routes {
  public static final String LIVE = "/healthz";
  public static final String READY = "/readyz";

  private final Readiness readiness;

  public HealthRoutes(Readiness readiness) {
    this.readiness = readiness;
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.get(LIVE, this::live);
    routes.get(READY, this::ready);
  }

  private void live(Context ctx) throws Exception {
    write(ctx, 200, Map.of("status", "live"));
  }

  private void ready(Context ctx) throws Exception {
    var report = readiness.check();
    var checks = new LinkedHashMap<String, Object>();
    for (var c : report.checks()) checks.put(c.name(), Map.of("ok", c.ok(), "detail", c.detail()));
    var body = new LinkedHashMap<String, Object>();
    body.put("status", report.ready() ? "ready" : "not ready");
    body.put("checks", checks);
    write(ctx, report.ready() ? 200 : 503, body);
  }

  private static void write(Context ctx, int status, Map<String, Object> body) throws Exception {
    ctx.status(status);
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/json; charset=utf-8");
    ctx.result(Json.MAPPER.writeValueAsBytes(body));
  }
}
