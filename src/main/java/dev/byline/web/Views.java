package dev.byline.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.http.Context;

/**
 * The one template engine, precompiled at build time by jte-maven-plugin. Javalin 7 ships no
 * jte plugin, so this is the adapter: render a root template with its one view record.
 */
public final class Views {
  private final TemplateEngine engine;

  public Views() {
    this.engine = TemplateEngine.createPrecompiled(ContentType.Html);
  }

  /** Renders to UTF-8 bytes, e.g. for the page cache. */
  public byte[] render(String template, Object model) {
    var out = new Utf8ByteOutput();
    engine.render(template, model, out);
    var bytes = new byte[out.getContentLength()];
    var buffer = new java.io.ByteArrayOutputStream(bytes.length);
    try {
      out.writeTo(buffer);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  /** Renders straight to the response as HTML. */
  public void render(Context ctx, String template, Object model) {
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(render(template, model));
  }
}
