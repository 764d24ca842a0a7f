package dev.byline.web;

import dev.byline.config.ConfigException;
import gg.jte.CodeResolver;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.resolve.DirectoryCodeResolver;
import gg.jte.resolve.ResourceCodeResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The template engine for a theme that overrides templates: each template is read from the theme
 * folder when it has one of that name, else from the built-in sources the build copies into the
 * jar ({@link #BUILT_IN}), and all are compiled once at start-up. All of them, not only the
 * overridden ones, because a built-in page that includes an overridden part must be compiled
 * against it. A template that does not compile stops start-up with jte's message, which names the
 * file and line.
 *
 * <p>Without a theme the precompiled classes are used as before, so the usual path pays nothing.
 */
final class ThemedTemplates {
  /** Where the build puts the built-in template sources on the classpath. */
  static final String BUILT_IN = "jte-src";

  /** A template every build has, to find the folder by. */
  private static final String KNOWN = "site/layout.jte";

  private ThemedTemplates() {}

  static TemplateEngine compile(Theme theme, Path classes) {
    var names = new TreeSet<>(builtInNames());
    names.addAll(theme.templates());
    var resolver =
        new Overlay(new DirectoryCodeResolver(theme.dir()), builtIn(), List.copyOf(names));
    try {
      deleteTree(classes);
      Files.createDirectories(classes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + classes, e);
    }
    var engine = TemplateEngine.create(resolver, classes, ContentType.Html);
    engine.setTrimControlStructures(true);
    engine.setBinaryStaticContent(true);
    try {
      engine.precompileAll();
    } catch (TemplateException e) {
      throw new ConfigException(
          Theme.FOLDER,
          "templates in " + theme.dir() + " do not compile (theme templates: "
              + String.join(", ", theme.templates()) + "): " + e.getMessage());
    }
    return engine;
  }

  private static CodeResolver builtIn() {
    return new ResourceCodeResolver(BUILT_IN, ThemedTemplates.class.getClassLoader());
  }

  /** The theme's file when it has one, else the built-in source. */
  private record Overlay(CodeResolver theme, CodeResolver builtIn, List<String> names)
      implements CodeResolver {
    @Override
    public List<String> resolveAllTemplateNames() {
      return names;
    }

    @Override
    public String resolve(String name) {
      var own = theme.exists(name) ? theme.resolve(name) : null;
      return own != null ? own : builtIn.resolve(name);
    }

    /** Never changed: compiled once at start-up, so no render looks at the disk. */
    @Override
    public long getLastModified(String name) {
      return 0;
    }

    @Override
    public boolean exists(String name) {
      return theme.exists(name) || builtIn.exists(name);
    }
  }

  /** The built-in template names, read from the jar (or the classes folder in a build). */
  static List<String> builtInNames() {
    try {
      // Found through a file, not the folder: a shaded jar need not list folders as entries.
      var known = ThemedTemplates.class.getClassLoader().getResource(BUILT_IN + "/" + KNOWN);
      if (known == null)
        throw new IllegalStateException(BUILT_IN + " is missing from the classpath");
      var uri = known.toURI();
      if (uri.getScheme().equals("jar")) {
        try (var fs = FileSystems.newFileSystem(uri, Map.of())) {
          return names(fs.getPath("/" + BUILT_IN));
        }
      }
      return names(Path.of(uri).getParent().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> names(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.getFileName() != null && f.getFileName().toString().endsWith(".jte"))
          .map(f -> root.relativize(f).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> files = Files.walk(dir)) {
      for (var f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
    }
  }
}
