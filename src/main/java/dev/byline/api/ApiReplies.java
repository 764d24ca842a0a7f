package dev.byline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.byline.auth.Tokens;
import dev.byline.json.Json;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writing API answers: JSON bodies, errors as {@code {"error": ..., "field": ...}}, and the entity
 * tag that lets a client ask again with {@code If-None-Match} and get 304 with no body.
 */
public final class ApiReplies {
  /** Public answers may be kept this long by browsers and shared caches. */
  static final String PUBLIC_CACHE = "public, max-age=60";

  private ApiReplies() {}

  public static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json").result(bytes(body));
  }

  /** A public, cacheable answer with its entity tag; 304 when the client already holds it. */
  public static void cacheable(Context ctx, Object body) {
    var bytes = bytes(body);
    var tag =
        "\"" + Tokens.sha256(new String(bytes, StandardCharsets.UTF_8)).substring(0, 32) + "\"";
    ctx.header("ETag", tag);
    ctx.header("Cache-Control", PUBLIC_CACHE);
    ctx.header("Vary", "Origin");
    if (matches(ctx.header("If-None-Match"), tag)) {
      ctx.status(304);
      return;
    }
    ctx.status(200).contentType("application/json").result(bytes);
  }

  public static void error(Context ctx, ApiError e) {
    e.headers().forEach(ctx::header);
    var body = new LinkedHashMap<String, Object>();
    body.put("error", e.getMessage());
    if (e.field() != null) body.put("field", e.field());
    ctx.header("Cache-Control", "no-store");
    json(ctx, e.status(), body);
  }

  /** True when {@code ifNoneMatch} names {@code tag} (weakly compared) or is {@code *}. */
  static boolean matches(String ifNoneMatch, String tag) {
    if (ifNoneMatch == null) return false;
    for (var part : ifNoneMatch.split(",")) {
      var t = part.strip();
      if (t.equals("*")) return true;
      if (t.startsWith("W/")) t = t.substring(2);
      if (t.equals(tag)) return true;
    }
    return false;
  }

  private static byte[] bytes(Object body) {
    try {
      return Json.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("API answer is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** An ordered map, for bodies whose key order people read. */
  public static Map<String, Object> object(Object... keysAndValues) {
    var m = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2)
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    return m;
  }
}
