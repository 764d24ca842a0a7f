package dev.byline.site;

import dev.byline.media.MediaFiles;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * Image variants at {@code /media/<key>}. Keys carry a content hash, so the bytes behind a URL
 * never change and browsers may keep them for a year. Originals are never served. SVG drawings
 * (checked by {@link dev.byline.media.SvgSanitiser} before they were stored) come with a policy of
 * their own, so even one opened directly, as a document, can load and run nothing.
 */
public final class MediaRoutes implements Routes {
  /**
   * For SVG drawings: nothing may load, inline presentation styles may apply, and the sandbox
   * takes scripts, forms and the site's origin away from the document.
   */
  static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

  private final MediaFiles files;

  public MediaRoutes(MediaFiles files) {
    this.files = files;
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.get("/media/{dir}/{file}", this::serve);
  }

  private void serve(Context ctx) {
    var key = ctx.pathParam("dir") + "/" + ctx.pathParam("file");
    if (!key.contains("-w")) throw new NotFoundResponse("no such image");
    var path = files
        .pathOf(key)
        .filter(Files::isRegularFile)
        .orElseThrow(() -> new NotFoundResponse("no such image"));
    var etag = "\"" + key.replace('/', '-') + "\"";
    if (key.endsWith(".svg")) {
      ctx.header("Content-Security-Policy", SVG_POLICY);
      ctx.header("X-Content-Type-Options", "nosniff");
    }
    ctx.header("Cache-Control", "public, max-age=31536000, immutable");
    ctx.header("ETag", etag);
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    ctx.contentType(
        key.endsWith(".png")
            ? "image/png"
            : key.endsWith(".webp")
                ? "image/webp"
                : key.endsWith(".gif")
                    ? "image/gif"
                    : key.endsWith(".svg") ? "image/svg+xml" : "image/jpeg");
    try {
      ctx.result(Files.readAllBytes(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
