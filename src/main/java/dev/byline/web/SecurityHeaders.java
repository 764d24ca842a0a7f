package dev.byline.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Security headers on every response. The Content-Security-Policy allows scripts only from this
 * origin (plus named hashes and hosts that features add, e.g. consent-gated Google tags), never
 * {@code unsafe-inline}.
 */
public final class SecurityHeaders {
  private final Map<String, String> headers;

  private SecurityHeaders(Map<String, String> headers) {
    this.headers = headers;
  }

  /**
   * @param scriptSources extra script-src entries such as {@code 'sha256-…'} or a host
   * @param frameSources hosts pages may frame (e.g. the YouTube no-cookie player)
   * @param connectSources hosts scripts may call
   * @param imageSources hosts images may come from
   * @param https whether the site is served over HTTPS (adds HSTS)
   */
  public static SecurityHeaders of(
      List<String> scriptSources,
      List<String> frameSources,
      List<String> connectSources,
      List<String> imageSources,
      boolean https) {
    var csp = new ArrayList<String>();
    csp.add("default-src 'self'");
    csp.add("script-src 'self'" + join(scriptSources));
    csp.add("style-src 'self'");
    csp.add("img-src 'self' data:" + join(imageSources));
    csp.add("font-src 'self'");
    csp.add("connect-src 'self'" + join(connectSources));
    csp.add("frame-src 'self'" + join(frameSources));
    csp.add("object-src 'none'");
    csp.add("base-uri 'self'");
    csp.add("form-action 'self'");
    csp.add("frame-ancestors 'none'");
    var h = new java.util.LinkedHashMap<String, String>();
    h.put("Content-Security-Policy", String.join("; ", csp));
    h.put("X-Content-Type-Options", "nosniff");
    h.put("Referrer-Policy", "strict-origin-when-cross-origin");
    h.put("X-Frame-Options", "DENY");
    h.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    h.put("Cross-Origin-Opener-Policy", "same-origin");
    if (https) h.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    return new SecurityHeaders(Map.copyOf(h));
  }

  public static SecurityHeaders strict(boolean https) {
    return of(List.of(), List.of(), List.of(), List.of(), https);
  }

  public void apply(Context ctx) {
    headers.forEach(ctx::header);
  }

  /** Every header and its value, for writers that do not go through Javalin. */
  public Map<String, String> all() {
    return headers;
  }

  public String contentSecurityPolicy() {
    return headers.get("Content-Security-Policy");
  }

  private static String join(List<String> sources) {
    return sources.isEmpty() ? "" : " " + String.join(" ", sources);
  }
}
