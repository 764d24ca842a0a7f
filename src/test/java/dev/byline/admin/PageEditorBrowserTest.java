package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.content.Block;
import dev.byline.media.ImageStore;
import dev.byline.testing.Accessibility;
import dev.byline.testing.Browser;
import dev.byline.testing.Eventually;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestImages;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The page editor in a real browser, with the block editor articles use: an editor writes a page
 * with a heading, a photo picked from the photo desk and captioned, a quote and a pasted YouTube
 * link, publishes it, and readers of {@code /page/{slug}} see the same blocks. A photo file
 * dropped on the text is uploaded, and axe finds nothing on the editor or the public page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageEditorBrowserTest {
  static final String PASSWORD = "a long enough password";
  static final Duration WAIT = Duration.ofSeconds(15);
  static final String YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";

  @TempDir
  static Path dir;

  TestSite site;
  ChromeDriver driver;
  long photoId;

  @BeforeAll
  void start() {
    site = TestSite.start(TestDatabases.sqlite(dir.resolve("data")));
    site.byline()
        .accounts()
        .users()
        .create("pages@example.org", "Pia Pages", Role.EDITOR, PASSWORD, false);
    site.newsroom()
        .images()
        .store(
            TestImages.jpeg(800, 600),
            new ImageStore.ImageText("A quiet street", "Other/Agency", "An empty street"));
    photoId = site.newsroom()
        .images()
        .store(
            TestImages.jpeg(1200, 800),
            new ImageStore.ImageText(
                "The newsroom at night", "Pia Pages/Byline", "Desks and screens by a window"))
        .id();
    driver = Browser.open(dir.resolve("profile"));
  }

  @AfterAll
  void stop() {
    if (driver != null) driver.quit();
    site.close();
  }

  WebElement css(String selector) {
    return driver.findElement(By.cssSelector(selector));
  }

  void await(String what, java.util.function.BooleanSupplier condition) {
    Eventually.await(what, WAIT, condition);
  }

  void keys(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  WebElement button(String text) {
    return css(".be-toolbar").findElement(By.xpath(".//button[text()='" + text + "']"));
  }

  void signIn() {
    driver.get(site.url("/admin/login"));
    if (!driver.getCurrentUrl().contains("/admin/login")) return; // still signed in
    driver.findElement(By.id("email")).sendKeys("pages@example.org");
    driver.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
    await("the dashboard", () -> driver.getTitle().startsWith("Dashboard"));
  }

  /** Opens a new page in the editor and switches its body to the block editor. */
  void newPageInBlocks() {
    driver.get(site.url("/admin/pages/new"));
    await(
        "the block editor script",
        () -> !driver
            .findElements(By.cssSelector("[data-block-editor][data-ready]"))
            .isEmpty());
    if (!css(".be-content").isDisplayed())
      driver.findElement(By.cssSelector("label[for=body-mode-blocks]")).click();
    await("the block editor", () -> css(".be-content").isDisplayed());
  }

  @Test
  void an_editor_writes_a_page_in_the_block_editor_and_readers_see_its_blocks() {
    signIn();
    newPageInBlocks();
    assertThat(driver.findElement(By.id("body")).isDisplayed()).isFalse();
    driver.findElement(By.id("title")).sendKeys("Visit the newsroom");
    driver.findElement(By.id("slug")).sendKeys("visit");
    driver.findElement(By.id("summary")).sendKeys("Where we work and how to reach us.");

    new Actions(driver).click(css(".be-content")).perform();
    keys("We work from the old harbour office.", Keys.ENTER);
    button("Heading").click();
    keys("How to find us", Keys.ENTER, "Take the ferry to the last stop.", Keys.ENTER);

    // A photo from the photo desk, found by searching, then captioned and credited.
    button("Photo…").click();
    var dialog = css("dialog[open]");
    driver.switchTo().activeElement().sendKeys("newsroom", Keys.ENTER);
    await(
        "the photo in the picker",
        () -> dialog.findElements(By.cssSelector(".be-pick")).size() == 1);
    var pick = dialog.findElement(By.cssSelector(".be-pick"));
    assertThat(pick.getText()).contains("Photo " + photoId).contains("The newsroom at night");
    pick.click();
    await(
        "the photo in the text",
        () -> !driver
            .findElements(By.cssSelector(".be-content figure.be-photo img"))
            .isEmpty());
    keys("The desk on election night", Keys.ENTER, "Pia Pages/Byline", Keys.ENTER);

    button("Quote").click();
    keys("Come by any weekday.", Keys.ENTER, "The editor", Keys.ENTER);

    // A YouTube link pasted into the empty paragraph becomes an embed.
    driver.executeScript(
        "var data = new DataTransfer(); data.setData('text/plain', arguments[0]);"
            + "document.querySelector('.be-content').dispatchEvent("
            + "new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));",
        YOUTUBE);
    await(
        "the embed",
        () ->
            !driver.findElements(By.cssSelector(".be-content figure.be-embed")).isEmpty());
    assertThat(css(".be-content figure.be-embed").getText()).contains("YouTube: " + YOUTUBE);

    Browser.screenshot(driver, "admin-page-block-editor");
    assertThat(Accessibility.violations(driver)).as("axe on the page editor").isEmpty();

    driver.findElement(By.cssSelector("button[value=publish]")).click();
    await("publication", () -> driver.getPageSource().contains("<strong>published</strong>"));
    long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/admin/pages/(\\d+).*", "$1"));
    assertThat(site.newsroom().pages().byId(id).orElseThrow().body())
        .contains(
            new Block.Heading(2, "How to find us"),
            new Block.ImageBlock(photoId, "The desk on election night", "Pia Pages/Byline", ""),
            new Block.Quote("Come by any weekday.", "The editor"),
            new Block.Embed("youtube", YOUTUBE, ""));

    // Reopened after publishing, the page is in the block editor again, as written.
    await(
        "the block editor again",
        () -> !driver
                .findElements(By.cssSelector("[data-block-editor][data-ready]"))
                .isEmpty()
            && css(".be-content").isDisplayed());
    await(
        "the photo's thumbnail",
        () -> !driver
            .findElements(By.cssSelector(".be-content figure.be-photo img"))
            .isEmpty());
    assertThat(css(".be-content figure.be-photo .be-caption").getText())
        .isEqualTo("The desk on election night");

    // Readers see the same blocks at /page/visit.
    driver.get(site.url("/page/visit"));
    assertThat(css(".site-page h1").getText()).isEqualTo("Visit the newsroom");
    assertThat(css(".site-page h2").getText()).isEqualTo("How to find us");
    var figure = css(".site-page figure.photo");
    assertThat(figure.findElement(By.tagName("figcaption")).getText())
        .contains("The desk on election night")
        .contains("Pia Pages/Byline");
    var img = figure.findElement(By.tagName("img"));
    assertThat(img.getAttribute("alt")).isEqualTo("Desks and screens by a window");
    assertThat(img.getAttribute("srcset")).contains("/media/");
    await(
        "the photo to load",
        () -> Boolean.TRUE.equals(driver.executeScript(
            "var i = arguments[0]; i.scrollIntoView(); return i.complete && i.naturalWidth > 0;",
            img)));
    assertThat(css(".site-page blockquote").getText())
        .contains("Come by any weekday.")
        .contains("The editor");
    assertThat(css(".site-page .video-facade").getAttribute("data-embed-src"))
        .isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
    // Nothing from YouTube loads before the reader asks for it.
    assertThat(driver.findElements(By.cssSelector(".site-page iframe"))).isEmpty();
    Browser.screenshot(driver, "page-from-block-editor");
    assertThat(Accessibility.violations(driver)).as("axe on the public page").isEmpty();
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  @Test
  void a_photo_file_dropped_on_a_page_is_uploaded_to_the_photo_desk_and_placed() {
    signIn();
    newPageInBlocks();
    int before = site.newsroom().images().library("", 0, 100).size();
    var png = Base64.getEncoder().encodeToString(TestImages.png(640, 480));
    driver.executeScript(
        "var bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));"
            + "var data = new DataTransfer();"
            + "data.items.add(new File([bytes], 'dropped.png', {type: 'image/png'}));"
            + "var target = document.querySelector('.be-content');"
            + "var box = target.getBoundingClientRect();"
            + "target.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true,"
            + " clientX: box.left + 20, clientY: box.top + 10}));",
        png);
    await(
        "the uploaded photo in the text",
        () -> !driver
            .findElements(By.cssSelector(".be-content figure.be-photo img"))
            .isEmpty());
    assertThat(site.newsroom().images().library("", 0, 100)).hasSize(before + 1);
    assertThat(css(".be-status").getText()).contains("uploaded to the photo desk");
    assertThat(driver.findElement(By.name("body-json")).getAttribute("value"))
        .contains("\"type\":\"image\"");
  }
}
