package dev.byline.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.selenium.AxeBuilder;
import dev.byline.auth.Role;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.testing.Browser;
import dev.byline.testing.Eventually;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Two browsers: an editor posts live updates from the live desk while a reader keeps the
 * article open. The reader's page offers "N new updates" without a reload, soon after each
 * post, and shows them when asked; axe finds nothing on either page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveBlogBrowserTest {
  static final String PASSWORD = "a long enough password";
  /** What the done-criterion allows between an editor's post and the reader's button. */
  static final Duration WITHIN = Duration.ofSeconds(2);

  static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  @TempDir
  static Path dir;

  TestSite site;
  long articleId;
  String articlePath;

  @BeforeAll
  void start() {
    // Readers poll every second here, so a post shows within the 2 s the test allows.
    site =
        TestSite.start(TestDatabases.sqlite(dir.resolve("site"), Map.of("live.poll.seconds", "1")));
    site.byline()
        .accounts()
        .users()
        .create("desk@example.org", "Dana Desk", Role.EDITOR, PASSWORD, false);
    long section = site.newsroom().sections().ensure("world", "World", "", 1).id();
    var articles = site.newsroom().articles();
    articleId = articles.create(ArticleDraft.of(
        "Flood waters rise along the river",
        "Towns downstream prepare for the crest.",
        section,
        List.of(Block.Paragraph.ofText("The river rose through the night."))));
    articles.publish(articleId);
    articlePath = articles.byId(articleId).orElseThrow().path();
  }

  @AfterAll
  void stop() {
    if (site != null) site.close();
  }

  static void accessible(ChromeDriver driver, String page) {
    Browser.screenshot(driver, "live-" + page);
    var violations = new AxeBuilder().withTags(WCAG).analyze(driver).getViolations();
    assertThat(violations)
        .as(page + ": "
            + violations.stream()
                .map(v -> v.getId() + " "
                    + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget()))
                        .toList())
                .toList())
        .isEmpty();
  }

  static void signIn(ChromeDriver editor, TestSite site) {
    editor.get(site.url("/admin/login"));
    editor.findElement(By.id("email")).sendKeys("desk@example.org");
    editor.findElement(By.id("password")).sendKeys(PASSWORD);
    editor.findElement(By.id("password")).sendKeys(Keys.ENTER);
    Eventually.await(
        "the dashboard", Duration.ofSeconds(10), () -> editor.getTitle().startsWith("Dashboard"));
  }

  static void postUpdate(ChromeDriver editor, String text) {
    var box = editor.findElement(By.id("post"));
    box.clear();
    box.sendKeys(text);
    editor.findElement(By.xpath("//button[normalize-space()='Post update']")).click();
    Eventually.await(
        "the post is stored",
        Duration.ofSeconds(10),
        () -> editor.getCurrentUrl().contains("done=posted"));
  }

  static WebElement button(ChromeDriver reader) {
    return reader.findElement(By.cssSelector("[data-live-button]"));
  }

  @Test
  void a_reader_sees_three_new_updates_offered_within_two_seconds_of_each_post(
      @TempDir Path editorProfile, @TempDir Path readerProfile) {
    var editor = Browser.open(editorProfile);
    var reader = Browser.open(readerProfile);
    try {
      signIn(editor, site);
      editor.get(site.url("/admin/articles/" + articleId + "/live"));
      editor
          .findElement(By.xpath("//button[normalize-space()='Start live coverage']"))
          .click();
      Eventually.await(
          "coverage started",
          Duration.ofSeconds(10),
          () -> editor.getCurrentUrl().contains("done=started"));
      accessible(editor, "desk");

      reader.get(site.url(articlePath));
      assertThat(reader.findElement(By.cssSelector("[data-live]")).getText())
          .contains("No updates yet");
      assertThat(button(reader).isDisplayed()).isFalse();
      long loadedAt = (Long) reader.executeScript("return performance.timeOrigin|0");

      var updates = List.of(
          "The river is **4.2 metres** above normal at the bridge.",
          "> Move to higher ground now\n\nThe fire service's advice to riverside streets.",
          "Schools in the valley will stay closed tomorrow.");
      for (int i = 0; i < updates.size(); i++) {
        postUpdate(editor, updates.get(i));
        var expected = i == 0 ? "1 new update" : (i + 1) + " new updates";
        long posted = System.nanoTime();
        Eventually.await(
            "the reader is offered \"" + expected + "\"",
            WITHIN,
            () -> button(reader).isDisplayed() && button(reader).getText().equals(expected));
        long millis = (System.nanoTime() - posted) / 1_000_000;
        assertThat(millis)
            .as("offered after " + millis + " ms")
            .isLessThanOrEqualTo(WITHIN.toMillis());
      }
      assertThat((Long) reader.executeScript("return performance.timeOrigin|0"))
          .as("the reader's page was never reloaded")
          .isEqualTo(loadedAt);
      assertThat(reader.findElements(By.cssSelector(".live-post")))
          .as("nothing moved yet")
          .isEmpty();
      assertThat(reader.findElement(By.cssSelector("[data-live-status]")).getAttribute("aria-live"))
          .isEqualTo("polite");
      assertThat(
              reader.findElement(By.cssSelector("[data-live-status]")).getAttribute("textContent"))
          .isEqualTo("3 new updates");
      accessible(reader, "reader-offered");

      button(reader).click();
      Eventually.await(
          "the three posts are shown",
          Duration.ofSeconds(5),
          () -> reader.findElements(By.cssSelector(".live-post")).size() == 3);
      var posts = reader.findElements(By.cssSelector(".live-post"));
      assertThat(posts.get(0).getText()).contains("Schools in the valley");
      assertThat(posts.get(2).getText()).contains("4.2 metres");
      assertThat(button(reader).isDisplayed()).isFalse();
      assertThat(reader.switchTo().activeElement().getAttribute("data-live-posts"))
          .as("focus moves to the new posts")
          .isNotNull();
      accessible(reader, "reader-shown");

      // The desk ends the coverage: the reader is offered the summary the same way.
      editor.get(site.url("/admin/articles/" + articleId + "/live"));
      editor.findElement(By.id("summary")).sendKeys("The river crested at 4.6 metres overnight.");
      editor
          .findElement(By.xpath("//button[normalize-space()='End live coverage']"))
          .click();
      Eventually.await(
          "coverage ended",
          Duration.ofSeconds(10),
          () -> editor.getCurrentUrl().contains("done=ended"));
      Eventually.await(
          "the reader is offered the summary",
          WITHIN,
          () -> button(reader).isDisplayed()
              && button(reader).getText().startsWith("Live coverage has ended"));
      button(reader).click();
      Eventually.await(
          "the summary is shown",
          Duration.ofSeconds(5),
          () -> reader
              .findElement(By.cssSelector("[data-live-posts]"))
              .getText()
              .contains("crested at 4.6 metres"));
      assertThat(reader.findElements(By.cssSelector(".live-post"))).hasSize(3);
      assertThat(Browser.consoleErrors(reader)).as("console errors").isEmpty();
    } finally {
      editor.quit();
      reader.quit();
    }
  }
}
