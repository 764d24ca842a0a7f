package dev.byline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byline.config.ConfigException;
import dev.byline.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data-directory theme: its templates replace the built-in ones of the same name, also where a
 * built-in page includes them; its stylesheet is linked after the built-in one; a template that
 * does not compile stops start-up naming the file and line.
 */
class ThemeHttpTest {
  @TempDir
  Path dir;

  @Test
  void a_theme_template_and_stylesheet_replace_and_follow_the_built_in_ones() throws IOException {
    var data = dir.resolve("data");
    var theme = Files.createDirectories(data.resolve("theme/site"));
    var layout = new String(
        getClass()
            .getClassLoader()
            .getResourceAsStream("jte-src/site/layout.jte")
            .readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    Files.writeString(
        theme.resolve("layout.jte"),
        layout.replace("</footer>", "<p class=\"themed\">Printed on recycled pixels</p></footer>"));
    Files.writeString(data.resolve("theme/site.css"), ".themed { color: #004d40; }\n");
    try (var site = TestSite.start(data)) {
      var front = site.get("/");
      assertThat(front.statusCode()).isEqualTo(200);
      assertThat(front.body()).contains("<p class=\"themed\">Printed on recycled pixels</p>");
      var builtIn = front.body().indexOf("href=\"/static/site.css?v=");
      var themed =
          Pattern.compile("href=\"(/static/theme\\.css\\?v=[0-9a-f]+)\"").matcher(front.body());
      assertThat(themed.find()).as("the theme's stylesheet is linked").isTrue();
      assertThat(builtIn).isPositive().isLessThan(themed.start());
      assertThat(site.get(themed.group(1)).body()).isEqualTo(".themed { color: #004d40; }\n");
      // A built-in page that is not overridden renders through the themed layout too.
      assertThat(site.get("/search?q=x").body()).contains("Printed on recycled pixels");
    }
  }

  @Test
  void without_a_theme_the_site_links_no_theme_stylesheet() {
    try (var site = TestSite.start(dir.resolve("plain"))) {
      assertThat(site.get("/").body()).doesNotContain("theme.css").doesNotContain("themed");
    }
  }

  @Test
  void a_theme_template_that_does_not_compile_stops_start_up_naming_file_and_line()
      throws IOException {
    var data = dir.resolve("broken");
    var tag = Files.createDirectories(data.resolve("theme/tag"));
    Files.writeString(
        tag.resolve("pager.jte"),
        "@param int page\n<nav>\n@if(page > 1)\n<a href=\"?page=${page - 1}\">Newer</a>\n</nav>\n");
    assertThatThrownBy(() -> TestSite.start(data).close())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("tag/pager.jte")
        .satisfies(
            e -> assertThat(e.getMessage()).containsPattern("tag/pager\\.jte:\\d+|line \\d+"));
  }
}
