package dev.byline.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.testing.Accessibility;
import dev.byline.testing.AdminClient;
import dev.byline.testing.Browser;
import dev.byline.testing.Eventually;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A reader keeps a story open while the desk raises, changes and clears the breaking banner: the
 * open page shows each change within a second, without a reload, and nothing else on it moves.
 */
class BreakingBannerBrowserTest {
  static final String PASSWORD = "a long enough password";
  static final Duration WITHIN = Duration.ofSeconds(1);

  @TempDir
  Path dir;

  static String banner(ChromeDriver reader) {
    var boxes = reader.findElements(By.cssSelector("[data-breaking]"));
    if (boxes.isEmpty() || !boxes.get(0).isDisplayed()) return "";
    return boxes.get(0).getText();
  }

  @Test
  void a_page_already_open_shows_each_change_of_the_banner_within_a_second(@TempDir Path profile) {
    try (var site = TestSite.start(TestDatabases.sqlite(dir.resolve("site")))) {
      site.byline()
          .accounts()
          .users()
          .create("desk@example.org", "Dana Desk", Role.EDITOR, PASSWORD, false);
      var articles = site.newsroom().articles();
      long world = site.newsroom().sections().ensure("world", "World", "", 1).id();
      long id = articles.create(ArticleDraft.of(
          "Harbour reopens after the storm",
          "Ships return to the quay.",
          world,
          List.of(Block.Paragraph.ofText("The first ferry left at dawn."))));
      articles.publish(id);
      var path = articles.byId(id).orElseThrow().path();
      var desk = new AdminClient(site).signIn("desk@example.org", PASSWORD);
      desk.get("/admin/breaking");
      var zone = site.byline().config().timeZone();
      var expires = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
          .format(LocalDateTime.ofInstant(Instant.now().plus(Duration.ofHours(2)), zone));

      var reader = Browser.open(profile);
      try {
        reader.get(site.url(path));
        assertThat(banner(reader)).isEmpty();
        long loadedAt = (Long) reader.executeScript("return performance.timeOrigin|0");
        // The page opens its stream once it has loaded.
        Eventually.await(
            "the page to listen",
            Duration.ofSeconds(10),
            () -> site.byline().breakingStream().openStreams() == 1);

        for (var text : List.of("Storm surge warning for the coast", "Coast road closed")) {
          var saved = desk.postForm(
              "/admin/breaking", Map.of("text", text, "url", path, "expires", expires));
          assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
          long at = System.nanoTime();
          Eventually.await(
              "the open page to show \"" + text + "\"",
              Duration.ofSeconds(5),
              () -> banner(reader).contains(text));
          long ms = (System.nanoTime() - at) / 1_000_000;
          System.out.println("open page: banner \"" + text + "\" shown after " + ms + " ms");
          assertThat(ms).as("shown after " + ms + " ms").isLessThanOrEqualTo(WITHIN.toMillis());
        }
        assertThat(reader.findElement(By.cssSelector("[data-breaking] a")).getAttribute("href"))
            .endsWith(path);
        assertThat(Accessibility.violations(reader)).isEmpty();

        assertThat(desk.postForm("/admin/breaking/clear", Map.of()).statusCode())
            .isEqualTo(303);
        long at = System.nanoTime();
        Eventually.await(
            "the open page to take the banner down",
            Duration.ofSeconds(5),
            () -> banner(reader).isEmpty());
        long ms = (System.nanoTime() - at) / 1_000_000;
        System.out.println("open page: banner cleared after " + ms + " ms");
        assertThat(ms).isLessThanOrEqualTo(WITHIN.toMillis());
        assertThat((Long) reader.executeScript("return performance.timeOrigin|0"))
            .as("never reloaded")
            .isEqualTo(loadedAt);
        assertThat(Browser.consoleErrors(reader)).isEmpty();
      } finally {
        reader.quit();
      }
    }
  }
}
