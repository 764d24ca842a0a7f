package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.byline.auth.Role;
import dev.byline.testing.Browser;
import dev.byline.testing.Eventually;
import dev.byline.testing.TestClock;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestImages;
import dev.byline.testing.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole story in a real browser: sign in, upload a photo, write, preview, publish, find it
 * on the front page and in its section, update it with a note, unpublish it. Every admin page on
 * the way is checked with axe-core for serious and critical accessibility violations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsroomStoryBrowserTest {
  static final String PASSWORD = "a long enough password";
  static final Set<String> BLOCKING = Set.of("serious", "critical");

  @TempDir
  static Path dir;

  TestSite site;
  TestClock clock = new TestClock();
  ChromeDriver driver;

  @BeforeAll
  void start() {
    site = TestSite.start(TestDatabases.sqlite(dir.resolve("data")), clock);
    site.byline()
        .accounts()
        .users()
        .create("desk@example.org", "Dana Desk", Role.EDITOR, PASSWORD, false);
    site.newsroom().sections().ensure("world", "World", "News from everywhere", 1);
    site.newsroom().sections().ensure("business", "Business", "", 2);
    driver = Browser.open(dir.resolve("profile"));
  }

  @AfterAll
  void stop() {
    if (driver != null) driver.quit();
    site.close();
  }

  void go(String path) {
    driver.get(site.url(path));
  }

  WebElement field(String id) {
    return driver.findElement(By.id(id));
  }

  void type(String id, String text) {
    var f = field(id);
    f.clear();
    f.sendKeys(text);
  }

  /** Fails on any serious or critical axe-core violation of the page in the browser now. */
  void accessible(String page) {
    Browser.screenshot(driver, "admin-" + page);
    // The preview frame shows the public article page, which the site's own tests check.
    var results = new AxeBuilder().exclude("#preview").analyze(driver);
    List<Rule> blocking = results.getViolations().stream()
        .filter(v -> BLOCKING.contains(v.getImpact()))
        .toList();
    assertThat(blocking)
        .as(page + ": "
            + blocking.stream()
                .map(v -> v.getId() + " "
                    + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget()))
                        .toList())
                .toList())
        .isEmpty();
  }

  @Test
  void an_editor_writes_publishes_updates_and_unpublishes_a_story_with_a_photo() throws Exception {
    driver.manage().deleteAllCookies();
    go("/admin");
    assertThat(driver.getCurrentUrl()).contains("/admin/login");
    accessible("login");
    driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Skip to content");
    type("email", "desk@example.org");
    type("password", PASSWORD);
    field("password").sendKeys(Keys.ENTER);
    Eventually.await(
        "the dashboard", Duration.ofSeconds(10), () -> driver.getTitle().startsWith("Dashboard"));
    accessible("dashboard");

    // The photo desk: upload with caption, credit and alt text.
    go("/admin/photos");
    var photo = dir.resolve("harbour.jpg");
    Files.write(photo, TestImages.jpegWithGps(1200, 800, 1));
    field("file").sendKeys(photo.toAbsolutePath().toString());
    type("caption", "Cranes over the harbour at dawn");
    type("credit", "Dana Desk/Byline");
    type("alt", "Container cranes against an orange sky");
    driver.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();
    Eventually.await(
        "the stored photo",
        Duration.ofSeconds(10),
        () -> driver.getPageSource().contains("Stored as"));
    accessible("photos");
    var photoId = driver.findElement(By.cssSelector(".notice a")).getText().replace("photo ", "");

    // The editor: write, with the photo featured and in the body.
    go("/admin/articles/new");
    type("headline", "Harbour strike ends after nine days");
    type("standfirst", "Dockers return to work with a new pay deal.");
    type(
        "body",
        "Work resumed at dawn on Tuesday.\n\n![](image:" + photoId + " \"Cranes at dawn\")\n\n"
            + "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n## What the deal says\n\nPay rises by four per cent.");
    new Select(field("section")).selectByVisibleText("World");
    new Select(field("featured-image")).selectByValue(photoId);
    type("topics", "Strikes, Harbour");
    type("bylines", "Dana Desk");
    type("dateline", "ROTTERDAM");
    Eventually.await("the live preview", Duration.ofSeconds(15), () -> {
      var doc = field("preview").getAttribute("srcdoc");
      return doc != null
          && doc.contains("Harbour strike ends after nine days")
          && doc.contains("Pay rises by four per cent.");
    });
    Eventually.await(
        "the autosave",
        Duration.ofSeconds(15),
        () -> field("autosave-status").getText().startsWith("Draft saved"));
    assertThat(driver.getCurrentUrl()).matches(".*/admin/articles/\\d+$");
    accessible("editor");
    Browser.screenshot(driver, "admin-editor-preview");

    driver.findElement(By.cssSelector("button[value=publish]")).click();
    Eventually.await(
        "publication",
        Duration.ofSeconds(10),
        () -> driver.getPageSource().contains(">published<"));
    accessible("editor-published");

    // Its related links, from the editor's panel; a story that does not exist is named beside the
    // field.
    driver.findElement(By.linkText("Pin or block related links")).click();
    Eventually.await(
        "the related-links page",
        Duration.ofSeconds(10),
        () -> driver.getTitle().startsWith("Related links"));
    accessible("related");
    type("target", "999999");
    driver
        .findElement(By.cssSelector("form.stack button[name=action][value=pin]"))
        .click();
    Eventually.await(
        "the refused pin",
        Duration.ofSeconds(10),
        () -> driver.getPageSource().contains("Related article does not exist"));
    assertThat(field("target").getAttribute("value")).isEqualTo("999999");
    accessible("related-errors");

    // Readers see it on the front page and in its section.
    go("/");
    assertThat(driver.getPageSource()).contains("Harbour strike ends after nine days");
    go("/world");
    driver.findElement(By.linkText("Harbour strike ends after nine days")).click();
    assertThat(driver.findElement(By.tagName("h1")).getText())
        .isEqualTo("Harbour strike ends after nine days");
    assertThat(driver.findElement(By.cssSelector(".story figure img")).getAttribute("alt"))
        .isEqualTo("Container cranes against an orange sky");
    var articleUrl = driver.getCurrentUrl();
    Browser.screenshot(driver, "story-published");

    // An update with a note, a few minutes later.
    clock.advance(Duration.ofMinutes(10));
    go("/admin/articles");
    driver.findElement(By.linkText("Harbour strike ends after nine days")).click();
    type("update-note", "Corrects the length of the strike to nine days.");
    driver.findElement(By.cssSelector("button[name=action][value=save]")).click();
    Eventually.await(
        "the saved update",
        Duration.ofSeconds(10),
        () -> driver.getPageSource().contains("Saved."));
    // A new address, so the browser's own copy of the page (kept for a minute) is not used.
    driver.get(articleUrl + "?after=update");
    assertThat(driver.findElement(By.cssSelector(".update-note")).getText())
        .contains("Corrects the length of the strike");
    assertThat(driver.findElement(By.cssSelector(".updated")).getText()).startsWith("Updated");
    Browser.screenshot(driver, "story-updated");

    // Unpublished, it is gone: 410.
    go("/admin/articles");
    driver.findElement(By.linkText("Harbour strike ends after nine days")).click();
    driver.findElement(By.cssSelector("button[value=unpublish]")).click();
    Eventually.await(
        "unpublication",
        Duration.ofSeconds(10),
        () -> driver.getPageSource().contains(">unpublished<"));
    assertThat(site.get(articleUrl.substring(articleUrl.indexOf("/world"))).statusCode())
        .isEqualTo(410);
    driver.get(articleUrl + "?after=unpublish");
    assertThat(driver.getPageSource()).contains("This story has been removed");

    go("/admin/articles");
    accessible("articles");
    assertThat(site.byline().accounts().audit().recent("", 0, 50))
        .extracting(e -> e.action())
        .contains(
            "photo.upload",
            "article.create",
            "article.publish",
            "article.update",
            "article.unpublish");
    // The only failed loads are the two the story asked for: the refused pin and the removed story.
    assertThat(Browser.consoleErrors(driver))
        .allMatch(e -> e.contains("after=unpublish") && e.contains("410")
            || e.contains("/related ") && e.contains("400"));
  }

  @Test
  void a_form_with_errors_is_accessible_and_keeps_what_was_typed_without_javascript_help() {
    go("/admin/login");
    if (driver.getCurrentUrl().contains("/admin/login")) {
      type("email", "desk@example.org");
      type("password", PASSWORD);
      field("password").sendKeys(Keys.ENTER);
      Eventually.await(
          "the dashboard", Duration.ofSeconds(10), () -> driver.getTitle().startsWith("Dashboard"));
    }
    go("/admin/articles/new");
    type("standfirst", "A standfirst without a headline.");
    driver.findElement(By.cssSelector("button[name=action][value=save]")).click();
    Eventually.await(
        "the errors",
        Duration.ofSeconds(10),
        () -> driver.getPageSource().contains("Headline is empty"));
    assertThat(field("standfirst").getAttribute("value"))
        .isEqualTo("A standfirst without a headline.");
    assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
    accessible("editor-errors");
  }
}
