package dev.byline.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.http.Context;

/**
 * The one template engine, precompiled at build time by jte-maven-plugin. Javalin 7 ships no jte
 * plugin, so this is the adapter: render a root template with its one view record, to UTF-8
 * bytes. The static text of the templates is encoded once, at build time ({@code
 * binaryStaticContent}), so a page is rendered straight into bytes and copied once.
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
    return out.toByteArray();
  }

  /** Renders straight to the response as HTML. */
  public void render(Context ctx, String template, Object model) {
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(render(template, model));
  }
}
