package dev.byline.ops;

import dev.byline.config.ConfigException;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * {@code GET /metrics} in the Prometheus text format, for scrapers only: answered when the
 * connection comes from an allowed address ({@code metrics.allow}, loopback by default) or carries
 * {@code Authorization: Bearer <metrics.token>}. Forwarded-for headers are ignored here: anyone
 * can send one.
 */
public final class MetricsRoute implements Routes {
  public static final String PATH = "/metrics";
  /** Scrapers on the same machine (a node exporter sidecar, a local agent) need no setup. */
  public static final String DEFAULT_ALLOW = "127.0.0.1,::1";

  private final PrometheusMeterRegistry registry;
  private final Set<InetAddress> allowed;
  private final byte[] token;

  /** @param token the bearer token, or empty for none */
  public MetricsRoute(PrometheusMeterRegistry registry, Set<InetAddress> allowed, String token) {
    this.registry = registry;
    this.allowed = Set.copyOf(allowed);
    this.token = token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.get(PATH, this::scrape);
  }

  private void scrape(Context ctx) {
    if (!permitted(ctx))
      throw new ForbiddenResponse(
          "Metrics are answered only to allowed addresses or with the metrics token.");
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
    ctx.result(registry.scrape());
  }

  private boolean permitted(Context ctx) {
    var from = remote(ctx.req().getRemoteAddr());
    if (from != null && allowed.contains(from)) return true;
    if (token == null) return false;
    var header = ctx.header("Authorization");
    if (header == null || !header.startsWith("Bearer ")) return false;
    var given = header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, token);
  }

  /**
   * Parses {@code metrics.allow}: comma-separated IP addresses (no names: a lookup at start-up
   * could resolve differently from the address that later connects).
   */
  public static Set<InetAddress> addresses(String list) {
    var out = new java.util.HashSet<InetAddress>();
    for (var part : list.split(",")) {
      var a = part.strip();
      if (a.isEmpty()) continue;
      if (!a.matches("[0-9a-fA-F:.\\[\\]]+"))
        throw new ConfigException("metrics.allow", "takes IP addresses only, not " + a);
      out.add(literal(a));
    }
    return out;
  }

  private static InetAddress remote(String addr) {
    try {
      return literal(addr);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static InetAddress literal(String addr) {
    var a =
        addr.startsWith("[") && addr.endsWith("]") ? addr.substring(1, addr.length() - 1) : addr;
    try {
      return InetAddress.getByName(a);
    } catch (UnknownHostException e) {
      throw new ConfigException("metrics.allow", a + " is not an IP address");
    }
  }
}
