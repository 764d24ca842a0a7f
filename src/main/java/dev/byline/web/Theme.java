package dev.byline.web;

import dev.byline.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A newsroom's own look without a rebuild: the {@code theme/} folder in the data directory. Its
 * {@code .jte} files replace the built-in templates of the same path ({@code
 * theme/site/layout.jte} replaces {@code site/layout.jte}); its {@code site.css} is linked after
 * the built-in stylesheet, so its rules win. Read once at start-up.
 *
 * @param dir the folder, which need not exist
 * @param templates the template names it overrides, e.g. {@code site/layout.jte}
 * @param css the stylesheet's bytes, or null without one
 */
public record Theme(Path dir, List<String> templates, byte[] css) {
  /** The folder's name under the data directory. */
  public static final String FOLDER = "theme";
  /** The stylesheet's name in the folder. */
  public static final String CSS = "site.css";
  /** The name the stylesheet is served under among the static assets. */
  public static final String CSS_ASSET = "theme.css";

  public Theme {
    templates = List.copyOf(templates);
  }

  /** The theme in {@code dataDir}; an empty theme when there is no folder. */
  public static Theme load(Path dataDir) {
    var dir = dataDir.resolve(FOLDER);
    if (!Files.isDirectory(dir)) return new Theme(dir, List.of(), null);
    try (Stream<Path> files = Files.walk(dir)) {
      var templates = files
          .filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".jte"))
          .map(f -> dir.relativize(f).toString().replace('\\', '/'))
          .sorted()
          .toList();
      var css = dir.resolve(CSS);
      return new Theme(dir, templates, Files.isRegularFile(css) ? Files.readAllBytes(css) : null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the theme folder " + dir, e);
    }
  }

  public boolean overridesTemplates() {
    return !templates.isEmpty();
  }

  /** The assets with the theme's stylesheet added as {@link #CSS_ASSET}, when it has one. */
  public StaticAssets addTo(StaticAssets assets) {
    if (css == null) return assets;
    if (css.length > MAX_CSS_BYTES)
      throw new ConfigException(
          FOLDER,
          FOLDER + "/" + CSS + " is " + css.length / 1024 + " KB; the limit is "
              + MAX_CSS_BYTES / 1024 + " KB");
    return assets.with(CSS_ASSET, css);
  }

  /** Every page links the stylesheet; a large one slows every first visit. */
  static final int MAX_CSS_BYTES = 512 * 1024;
}
