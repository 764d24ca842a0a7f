package dev.byline.api;

import dev.byline.auth.ApiKey;
import dev.byline.auth.ApiKeys;
import dev.byline.config.Config;
import dev.byline.config.ConfigException;
import dev.byline.web.Access;
import dev.byline.web.ClientAddress;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every {@code /api/v1/} request passes first: CORS for the configured origins, the caller's
 * key when it sends one ({@code Authorization: Bearer KEY}; a wrong or revoked key is refused,
 * never taken for no key), and the rate limit of that key or, without one, of the address.
 */
public final class ApiGate {
  public static final String PREFIX = "/api/v1/";
  static final String KEY_ATTRIBUTE = "byline.api.key";
  private static final Logger log = LoggerFactory.getLogger(ApiGate.class);

  private final ApiKeys keys;
  private final RateLimits limits;
  private final Set<String> origins;
  private final int anonymousPerMinute;
  private final int keyPerMinute;

  public ApiGate(Config config, ApiKeys keys, RateLimits limits) {
    this.keys = keys;
    this.limits = limits;
    this.origins = origins(config.setting("api.cors.origins", ""));
    this.anonymousPerMinute =
        positive(config, "api.rate.anonymous.per.minute", RateLimits.DEFAULT_ANONYMOUS_PER_MINUTE);
    this.keyPerMinute =
        positive(config, "api.rate.key.per.minute", RateLimits.DEFAULT_KEY_PER_MINUTE);
  }

  public void routes(RoutesConfig routes) {
    routes.before(PREFIX + "*", this::check);
    routes.options(PREFIX + "*", ctx -> ctx.status(204), Access.ANYONE);
  }

  /** The key the request was made with, if any: set only by a working key. */
  public static Optional<ApiKey> key(Context ctx) {
    return Optional.ofNullable(ctx.attribute(KEY_ATTRIBUTE));
  }

  private void check(Context ctx) {
    cors(ctx);
    if (ctx.method().name().equals("OPTIONS")) return;
    var auth = ctx.header("Authorization");
    String caller;
    int perMinute;
    if (auth != null) {
      var secret =
          auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).strip() : "";
      var key = keys.check(secret);
      if (key.isEmpty()) {
        log.warn("event=api_key_refused ip={}", ClientAddress.of(ctx));
        throw new ApiError(
            401,
            "the API key is missing, unknown or revoked",
            null,
            Map.of("WWW-Authenticate", "Bearer"));
      }
      ctx.attribute(KEY_ATTRIBUTE, key.get());
      caller = "key:" + key.get().id();
      perMinute = keyPerMinute;
    } else {
      caller = "ip:" + ClientAddress.of(ctx);
      perMinute = anonymousPerMinute;
    }
    long wait = limits.take(caller, perMinute);
    if (wait > 0) {
      throw new ApiError(
          429,
          "too many requests: " + perMinute + " a minute are allowed"
              + (auth == null ? " without a key" : " for this key"),
          null,
          Map.of("Retry-After", Long.toString(wait)));
    }
  }

  private void cors(Context ctx) {
    var origin = ctx.header("Origin");
    ctx.header("Vary", "Origin");
    if (origin == null || !origins.contains(origin)) return;
    ctx.header("Access-Control-Allow-Origin", origin);
    ctx.header("Access-Control-Allow-Methods", "GET, POST, PUT, OPTIONS");
    ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type, If-None-Match");
    ctx.header("Access-Control-Expose-Headers", "ETag, Link, Retry-After");
    ctx.header("Access-Control-Max-Age", "600");
  }

  /** Origins as {@code scheme://host[:port]}, comma-separated; anything else is a config error. */
  static Set<String> origins(String setting) {
    return Arrays.stream(setting.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .peek(o -> {
          URI u;
          try {
            u = URI.create(o);
          } catch (IllegalArgumentException e) {
            throw new ConfigException("api.cors.origins", "holds " + o + ", which is no origin");
          }
          if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme()))
              || u.getHost() == null
              || !(u.getRawPath() == null || u.getRawPath().isEmpty())) {
            throw new ConfigException(
                "api.cors.origins",
                "holds " + o + "; an origin is a scheme and host, e.g. https://app.example.org");
          }
        })
        .collect(Collectors.toUnmodifiableSet());
  }

  private static int positive(Config config, String key, int fallback) {
    int v = config.intSetting(key, fallback);
    if (v < 1) throw new ConfigException(key, "must be 1 or more, not " + v);
    return v;
  }
}
