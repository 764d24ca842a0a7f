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
import org.openqa.selenium.support.ui.Select;

/**
 * The block editor in a real browser: an editor writes a story with a heading, a photo picked
 * from the photo desk and captioned, a quote and a pasted YouTube link, publishes it, and readers
 * see the same blocks. The toolbar is reached with Tab, dialogs take and give back focus, a photo
 * file dropped on the text is uploaded, and axe finds nothing on the editor page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlockEditorBrowserTest {
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
        .create("desk@example.org", "Dana Desk", Role.EDITOR, PASSWORD, false);
    site.newsroom().sections().ensure("world", "World", "", 1);
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
                "Cranes over the harbour",
                "Dana Desk/Byline",
                "Container cranes against an orange sky"))
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

  WebElement focused() {
    return driver.switchTo().activeElement();
  }

  void signIn() {
    driver.get(site.url("/admin/login"));
    if (!driver.getCurrentUrl().contains("/admin/login")) return; // still signed in
    driver.findElement(By.id("email")).sendKeys("desk@example.org");
    driver.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
    await("the dashboard", () -> driver.getTitle().startsWith("Dashboard"));
  }

  @Test
  void an_editor_writes_and_publishes_a_story_in_the_block_editor_and_readers_see_its_blocks() {
    signIn();
    driver.get(site.url("/admin/articles/new"));
    await(
        "the block editor script",
        () -> !driver
            .findElements(By.cssSelector("[data-block-editor][data-ready]"))
            .isEmpty());
    driver.findElement(By.cssSelector("label[for=body-mode-blocks]")).click();
    await("the block editor", () -> css(".be-content").isDisplayed());
    assertThat(driver.findElement(By.id("body")).isDisplayed()).isFalse();

    driver.findElement(By.id("headline")).sendKeys("Harbour strike ends after nine days");
    driver.findElement(By.id("standfirst")).sendKeys("Dockers return to work with a new pay deal.");
    new Select(driver.findElement(By.id("section"))).selectByVisibleText("World");

    // The toolbar is reached with Tab from the format switch, every button named, then the text.
    driver.executeScript("document.getElementById('body-mode-blocks').focus()");
    keys(Keys.TAB);
    assertThat(focused().getText()).isEqualTo("Paragraph");
    var names = new java.util.ArrayList<String>();
    for (int i = 0; i < 13; i++) {
      names.add(focused().getText());
      keys(Keys.TAB);
    }
    assertThat(names)
        .containsExactly(
            "Paragraph",
            "Heading",
            "Subheading",
            "Bold",
            "Italic",
            "Link…",
            "Bulleted list",
            "Numbered list",
            "Quote",
            "Photo…",
            "Embed…",
            "Undo",
            "Redo");
    assertThat(focused().getAttribute("class")).contains("be-content");

    keys("Work resumed at dawn on Tuesday.", Keys.ENTER);
    css(".be-toolbar").findElement(By.xpath(".//button[text()='Heading']")).click();
    keys("What the deal says", Keys.ENTER, "Pay rises by four per cent.", Keys.ENTER);

    // A photo from the photo desk, found by searching, then captioned.
    button("Photo…").click();
    var dialog = css("dialog[open]");
    assertThat(focused().getAttribute("type")).isEqualTo("search");
    focused().sendKeys("harbour", Keys.ENTER);
    await(
        "the photo in the picker",
        () -> dialog.findElements(By.cssSelector(".be-pick")).size() == 1);
    var pick = dialog.findElement(By.cssSelector(".be-pick"));
    assertThat(pick.getText()).contains("Photo " + photoId).contains("Cranes over the harbour");
    pick.click();
    await(
        "the photo in the text",
        () -> !driver
            .findElements(By.cssSelector(".be-content figure.be-photo img"))
            .isEmpty());
    assertThat(driver.findElements(By.cssSelector("dialog[open]"))).isEmpty();
    keys("Cranes at dawn as work resumed", Keys.ENTER, "Dana Desk/Byline", Keys.ENTER);

    // A quote, with who said it.
    button("Quote").click();
    keys(
        "We are going back with our heads high.",
        Keys.ENTER,
        "Ana Costa, union leader",
        Keys.ENTER);

    // The embed dialog takes focus and gives it back on Escape.
    var embedButton = button("Embed…");
    driver.executeScript("arguments[0].focus()", embedButton);
    keys(Keys.ENTER);
    assertThat(focused().getAttribute("type")).isEqualTo("url");
    keys(Keys.ESCAPE);
    await("focus back in the text", () -> focused().getAttribute("class").contains("be-content"));

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

    // Enter leaves the embed's title for a new paragraph; in a list, Tab still leaves the text.
    keys(Keys.ENTER);
    button("Bulleted list").click();
    keys("Backdated to March");
    keys(Keys.TAB);
    assertThat(focused().getAttribute("class")).doesNotContain("be-content");

    await("the autosave", () -> css("#autosave-status").getText().startsWith("Draft saved"));
    await("the live preview", () -> {
      var doc = css("#preview").getAttribute("srcdoc");
      return doc != null
          && doc.contains("Cranes at dawn as work resumed")
          && doc.contains("video-facade");
    });
    Browser.screenshot(driver, "admin-block-editor");
    assertThat(Accessibility.violations(driver)).as("axe on the block editor").isEmpty();

    driver.findElement(By.cssSelector("button[value=publish]")).click();
    await("publication", () -> driver.getPageSource().contains(">published<"));
    long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/admin/articles/(\\d+).*", "$1"));

    var body = site.newsroom().articles().byId(id).orElseThrow().body();
    assertThat(body)
        .contains(
            new Block.Heading(2, "What the deal says"),
            new Block.ImageBlock(
                photoId,
                "Cranes at dawn as work resumed",
                "Dana Desk/Byline",
                ""), // alt text left to the photo desk, as readers get it
            new Block.Quote("We are going back with our heads high.", "Ana Costa, union leader"),
            new Block.Embed("youtube", YOUTUBE, ""),
            new Block.ListBlock(false, java.util.List.of("Backdated to March")));

    // Reopened, the story is in the block editor again, as it was written, the photo shown with
    // the photo desk's alt text.
    assertThat(css(".be-content").isDisplayed()).isTrue();
    await(
        "the photo's thumbnail",
        () -> !driver
            .findElements(By.cssSelector(".be-content figure.be-photo img"))
            .isEmpty());
    assertThat(css(".be-content figure.be-photo img").getAttribute("alt"))
        .isEqualTo("Container cranes against an orange sky");
    assertThat(css(".be-content figure.be-photo .be-caption").getText())
        .isEqualTo("Cranes at dawn as work resumed");

    // Switched to Markdown, the same story is there as Markdown.
    driver.findElement(By.cssSelector("label[for=body-mode-markdown]")).click();
    await("the Markdown", () -> driver.findElement(By.id("body")).isDisplayed());
    assertThat(driver.findElement(By.id("body")).getAttribute("value"))
        .contains("## What the deal says")
        .contains("](image:" + photoId + " \"Cranes at dawn as work resumed\")")
        .contains("> We are going back with our heads high.")
        .contains(YOUTUBE)
        .contains("- Backdated to March");

    // Live posts are written in the same editor.
    driver.get(site.url(AdminPaths.live(id)));
    driver.findElement(By.xpath("//button[text()='Start live coverage']")).click();
    await(
        "the live desk's script",
        () -> !driver
            .findElements(By.cssSelector("[data-block-editor][data-ready]"))
            .isEmpty());
    assertThat(driver.findElement(By.id("post")).isDisplayed())
        .as("Markdown, as last chosen")
        .isTrue();
    driver.findElement(By.cssSelector("label[for=post-mode-blocks]")).click();
    await("the live desk's block editor", () -> css(".be-content").isDisplayed());
    new Actions(driver)
        .click(css(".be-content"))
        .sendKeys("Dockers cheer at the gate.")
        .perform();
    assertThat(Accessibility.violations(driver)).as("axe on the live desk").isEmpty();
    driver.findElement(By.xpath("//button[text()='Post update']")).click();
    await("the post", () -> driver.getPageSource().contains("Posted."));
    assertThat(site.newsroom().live().posts(id, false).get(0).body())
        .containsExactly(new Block.Paragraph("Dockers cheer at the gate."));

    // Readers see the same blocks.
    var path = site.newsroom().articles().byId(id).orElseThrow().path();
    driver.get(site.url(path));
    assertThat(css(".story h2").getText()).isEqualTo("What the deal says");
    var figure = driver.findElements(By.cssSelector(".story figure.photo")).stream()
        .filter(f -> f.getText().contains("Cranes at dawn"))
        .findFirst()
        .orElseThrow();
    assertThat(figure.findElement(By.tagName("figcaption")).getText())
        .contains("Cranes at dawn as work resumed")
        .contains("Dana Desk/Byline");
    assertThat(figure.findElement(By.tagName("img")).getAttribute("alt"))
        .isEqualTo("Container cranes against an orange sky");
    assertThat(css(".story blockquote").getText())
        .contains("We are going back with our heads high.")
        .contains("Ana Costa, union leader");
    assertThat(css(".story .video-facade").getAttribute("data-embed-src"))
        .isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
    Browser.screenshot(driver, "story-from-block-editor");
    // The preview frame is sandboxed without scripts, as meant; nothing else may fail.
    assertThat(Browser.consoleErrors(driver))
        .filteredOn(e -> !e.startsWith("about:srcdoc - Blocked script execution"))
        .isEmpty();
  }

  @Test
  void a_photo_file_dropped_on_the_text_is_uploaded_to_the_photo_desk_and_placed() {
    signIn();
    driver.get(site.url("/admin/articles/new"));
    await(
        "the block editor script",
        () -> !driver
            .findElements(By.cssSelector("[data-block-editor][data-ready]"))
            .isEmpty());
    if (!css(".be-content").isDisplayed())
      driver.findElement(By.cssSelector("label[for=body-mode-blocks]")).click();
    await("the block editor", () -> css(".be-content").isDisplayed());
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
    var document = driver.findElement(By.name("body-json")).getAttribute("value");
    assertThat(document).contains("\"type\":\"image\"");
  }

  WebElement button(String text) {
    return css(".be-toolbar").findElement(By.xpath(".//button[text()='" + text + "']"));
  }
}
