package dev.byline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byline.config.ConfigException;
import dev.byline.testing.TestSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --dev}: an edited template shows on the next request, without a rebuild. */
class DevTemplatesHttpTest {
  @TempDir
  Path dir;

  @Test
  void an_edited_template_shows_on_the_next_request_in_development() throws IOException {
    var templates = dir.resolve("jte");
    copyTree(Path.of(Views.DEV_TEMPLATES), templates);
    try (var site = TestSite.start(
        dir.resolve("data"), Map.of("dev", "true", "dev.templates", templates.toString()))) {
      var before = site.get("/");
      assertThat(before.statusCode()).isEqualTo(200);
      assertThat(before.body()).contains("<footer class=\"site-footer\">").doesNotContain("Edited");

      var layout = templates.resolve("site/layout.jte");
      Files.writeString(
          layout,
          Files.readString(layout).replace("</footer>", "<p class=\"edited\">Edited</p></footer>"));
      // A later modification time than the compiled copy's, however coarse the file system's clock.
      Files.setLastModifiedTime(layout, FileTime.from(Instant.now().plusSeconds(5)));

      var after = site.get("/");
      assertThat(after.statusCode()).isEqualTo(200);
      assertThat(after.body()).contains("<p class=\"edited\">Edited</p>");
    }
  }

  @Test
  void development_without_the_template_folder_is_refused_naming_the_setting() {
    assertThatThrownBy(() -> TestSite.start(
            dir.resolve("data"),
            Map.of("dev", "true", "dev.templates", dir.resolve("missing").toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("dev.templates")
        .hasMessageContaining("is not there");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      files.forEach(f -> {
        try {
          var target = to.resolve(from.relativize(f).toString());
          if (Files.isDirectory(f)) Files.createDirectories(target);
          else Files.copy(f, target);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
