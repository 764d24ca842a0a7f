package dev.byline.web;

import dev.byline.config.Config;
import dev.byline.config.ConfigException;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one template engine. Javalin 7 ships no jte plugin, so this is the adapter: render a root
 * template with its one view record, to UTF-8 bytes.
 *
 * <p>In production the templates are precompiled by jte-maven-plugin, with their static text
 * already encoded ({@code binaryStaticContent}), so a page is rendered straight into bytes and
 * copied once. In development ({@code byline serve --dev}) they are read from the source folder
 * and recompiled when they change, so an edited template shows on the next reload.
 */
public final class Views {
  /** Where {@code serve --dev} reads templates from unless {@code dev.templates} says otherwise. */
  public static final String DEV_TEMPLATES = "src/main/jte";

  private final TemplateEngine engine;

  /** The precompiled templates in the jar. */
  public Views() {
    this(TemplateEngine.createPrecompiled(ContentType.Html));
  }

  private Views(TemplateEngine engine) {
    this.engine = engine;
  }

  /**
   * Precompiled templates; with a theme that overrides templates, those and the built-in ones
   * compiled at start-up (see {@link ThemedTemplates}); or with {@code dev=true} the source folder,
   * recompiled on change.
   */
  public static Views of(Config config) {
    if (!config.boolSetting("dev", false)) {
      var theme = Theme.load(config.dataDir());
      if (!theme.overridesTemplates()) return new Views();
      return new Views(ThemedTemplates.compile(theme, config.dataDir().resolve("theme-classes")));
    }
    var folder = Path.of(config.setting("dev.templates", DEV_TEMPLATES));
    if (!Files.isDirectory(folder)) {
      throw new ConfigException(
          "dev.templates",
          "the template folder " + folder.toAbsolutePath()
              + " is not there: serve --dev from the project's root, or set dev.templates");
    }
    return reloading(folder, config.dataDir().resolve("dev-templates"));
  }

  /**
   * Templates read from {@code folder} and compiled into {@code classes} on first use and again
   * whenever their file changes. Set as the Maven plugin sets the precompiled ones, so a page
   * reads the same in both.
   */
  static Views reloading(Path folder, Path classes) {
    try {
      Files.createDirectories(classes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + classes, e);
    }
    var engine =
        TemplateEngine.create(new DirectoryCodeResolver(folder), classes, ContentType.Html);
    engine.setTrimControlStructures(true);
    engine.setBinaryStaticContent(true);
    return new Views(engine);
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
