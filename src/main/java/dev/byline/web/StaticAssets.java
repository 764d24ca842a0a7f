package dev.byline.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The site's own CSS, scripts and icons, loaded once from {@code static/} on the classpath
 * (the names listed in {@code static/assets.txt}), gzipped once, and served with a content hash
 * in the URL so browsers and caches keep them for a year.
 */
public final class StaticAssets implements Routes {
  private record Asset(String name, String contentType, byte[] bytes, byte[] gzip, String hash) {}

  private final Map<String, Asset> assets;

  private StaticAssets(Map<String, Asset> assets) {
    this.assets = assets;
  }

  public static StaticAssets load() {
    var list = read("static/assets.txt");
    if (list == null)
      throw new IllegalStateException("static/assets.txt is missing from the classpath");
    var map = new HashMap<String, Asset>();
    for (var line : new String(list, StandardCharsets.UTF_8).split("\n")) {
      var name = line.strip();
      if (name.isEmpty() || name.startsWith("#")) continue;
      var bytes = read("static/" + name);
      if (bytes == null)
        throw new IllegalStateException("static/" + name + " is listed but missing");
      map.put(name, new Asset(name, contentType(name), bytes, Gzip.compress(bytes), hash(bytes)));
    }
    return new StaticAssets(Map.copyOf(map));
  }

  /**
   * A copy that also serves {@code name} with bytes made at start-up (e.g. settings generated from
   * configuration), versioned and cached like the files.
   */
  public StaticAssets with(String name, byte[] bytes) {
    if (!name.matches("[A-Za-z0-9._-]+"))
      throw new IllegalArgumentException("asset names are plain file names: " + name);
    var map = new HashMap<String, Asset>(assets);
    map.put(
        name, new Asset(name, contentType(name), bytes.clone(), Gzip.compress(bytes), hash(bytes)));
    return new StaticAssets(Map.copyOf(map));
  }

  public boolean has(String name) {
    return assets.containsKey(name);
  }

  /** The versioned URL of an asset, e.g. {@code /static/site.css?v=1a2b3c4d}. */
  public String url(String name) {
    var a = assets.get(name);
    if (a == null) throw new IllegalArgumentException("no static asset " + name);
    return "/static/" + name + "?v=" + a.hash();
  }

  @Override
  public void routes(io.javalin.config.RoutesConfig routes) {
    routes.get("/static/{name}", this::serve);
  }

  private void serve(Context ctx) {
    var a = assets.get(ctx.pathParam("name"));
    if (a == null) throw new NotFoundResponse("no such file");
    var etag = "\"" + a.hash() + "\"";
    ctx.header("ETag", etag);
    ctx.header("Vary", "Accept-Encoding");
    // Versioned URLs never change content; an unversioned request gets a short life.
    ctx.header(
        "Cache-Control",
        a.hash().equals(ctx.queryParam("v"))
            ? "public, max-age=31536000, immutable"
            : "public, max-age=300");
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    ctx.contentType(a.contentType());
    if (Gzip.accepted(ctx)) {
      ctx.header("Content-Encoding", "gzip");
      ctx.result(a.gzip());
    } else {
      ctx.result(a.bytes());
    }
  }

  private static byte[] read(String resource) {
    try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String hash(byte[] bytes) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
          .substring(0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String contentType(String name) {
    if (name.endsWith(".css")) return "text/css; charset=utf-8";
    if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
    if (name.endsWith(".svg")) return "image/svg+xml";
    if (name.endsWith(".png")) return "image/png";
    if (name.endsWith(".ico")) return "image/x-icon";
    if (name.endsWith(".json")) return "application/json";
    if (name.endsWith(".woff2")) return "font/woff2";
    return "application/octet-stream";
  }
}
