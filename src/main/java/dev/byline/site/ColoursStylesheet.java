package dev.byline.site;

import dev.byline.brand.SiteSettings;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Supplier;

/**
 * {@code /brand.css}: the accent colours of the site settings in force, linked after the
 * built-in stylesheet. Its address carries a hash of its text, so a versioned copy is kept a
 * year and a new colour is a new address on pages purged by the change.
 */
public final class ColoursStylesheet implements Routes {
  public static final String PATH = "/brand.css";

  private final Supplier<SiteSettings> settings;

  public ColoursStylesheet(Supplier<SiteSettings> settings) {
    this.settings = settings;
  }

  @Override
  public void routes(RoutesConfig r) {
    r.get(PATH, this::serve);
  }

  private void serve(Context ctx) {
    var css = Branding.coloursCss(settings.get());
    boolean current = Branding.hash(css).equals(ctx.queryParam("v"));
    ctx.header(
        "Cache-Control", current ? "public, max-age=31536000, immutable" : "public, max-age=60");
    ctx.contentType("text/css; charset=utf-8");
    ctx.result(css);
  }
}
