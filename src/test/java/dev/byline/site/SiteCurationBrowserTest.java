package dev.byline.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.testing.Accessibility;
import dev.byline.testing.Browser;
import dev.byline.testing.Eventually;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * A newsroom makes the site its own in a real browser: uploads a logo and changes the accent
 * colour, writes an Imprint page and puts it in the footer menu, pins a story as the lead, and
 * raises a breaking-news banner; each shows on the public site within a second of saving. The
 * front page, an article and the new page pass axe (WCAG 2.2 AA) with the banner up, on a desktop
 * and a phone, where the header menu collapses behind an accessible button; then again with the
 * site switched to Arabic, laid out right to left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteCurationBrowserTest {
  static final String PASSWORD = "a long enough password";
  /** How soon an editor's change must show to readers. */
  static final Duration SOON = Duration.ofSeconds(1);

  @TempDir
  static Path dir;

  TestSite site;
  ChromeDriver driver;
  String olderStory;
  String newerStory;

  @BeforeAll
  void start() {
    site = TestSite.start(dir.resolve("data"));
    site.byline()
        .accounts()
        .users()
        .create("ed@example.org", "Eda Editor", Role.ADMIN, PASSWORD, false);
    var newsroom = site.newsroom();
    long world =
        newsroom.sections().ensure("world", "World", "News from everywhere.", 1).id();
    newsroom.sections().ensure("business", "Business", "Markets.", 2);
    var now = Instant.now();
    long older = newsroom
        .articles()
        .create(ArticleDraft.of(
            "Ceasefire holds through the night",
            "Both sides report calm.",
            world,
            List.of(new Block.Paragraph("The truce held."))));
    newsroom.articles().publishAsOf(older, now.minus(Duration.ofHours(5)), null);
    long newer = newsroom
        .articles()
        .create(ArticleDraft.of(
            "Port strike ends after talks",
            "Dockers return on Monday.",
            world,
            List.of(new Block.Paragraph("The strike is over."))));
    newsroom.articles().publishAsOf(newer, now.minus(Duration.ofHours(1)), null);
    olderStory = newsroom.articles().byId(older).orElseThrow().path();
    newerStory = newsroom.articles().byId(newer).orElseThrow().path();
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

  void submit(String buttonText) {
    driver.findElements(By.cssSelector("main button[type=submit]")).stream()
        .filter(b -> b.getText().strip().equals(buttonText))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no button " + buttonText))
        .click();
  }

  /** Polls the public site until {@code seen}, failing after a second; returns the milliseconds taken. */
  long within(String what, BooleanSupplier seen) {
    long t0 = System.nanoTime();
    Eventually.await(what, SOON, seen);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("visible: " + what + " after " + ms + " ms");
    return ms;
  }

  boolean frontLeads(String path) {
    go("/");
    var lead = driver.findElements(By.cssSelector(".lead .lead-headline a"));
    return !lead.isEmpty() && lead.get(0).getAttribute("href").endsWith(path);
  }

  void accessible(String path) {
    accessible(path, "");
  }

  void accessible(String path, String variant) {
    for (var phone : List.of(false, true)) {
      if (phone) Accessibility.onPhone(driver);
      else Accessibility.onDesktop(driver);
      go(path);
      Eventually.await("the banner on " + path, Duration.ofSeconds(5), this::bannerShown);
      Browser.screenshot(
          driver, "site-curation" + variant + path.replace('/', '-') + (phone ? "-phone" : ""));
      assertThat(Accessibility.violations(driver))
          .as("axe on " + path + (phone ? " on a phone" : ""))
          .isEmpty();
    }
    Accessibility.onDesktop(driver);
  }

  /**
   * Readers' browsers keep a page for a minute ({@link PageCache#CACHE_CONTROL}); the site's own
   * freshness is what is measured here, so the browser's cache is off while polling pages, and on
   * for the banner, which must show on a page the browser already holds.
   */
  void browserCache(boolean on) {
    driver.executeCdpCommand("Network.enable", java.util.Map.of());
    driver.executeCdpCommand("Network.setCacheDisabled", java.util.Map.of("cacheDisabled", !on));
  }

  boolean bannerShown() {
    var banner = driver.findElements(By.cssSelector("[data-breaking]"));
    return !banner.isEmpty()
        && banner.get(0).isDisplayed()
        && banner.get(0).getText().contains("Parliament dissolved");
  }

  @Test
  void
      a_newsroom_brands_the_site_adds_a_page_to_the_footer_pins_a_lead_and_raises_a_banner_that_readers_see_at_once()
          throws Exception {
    go("/admin/login");
    type("email", "ed@example.org");
    type("password", PASSWORD);
    driver
        .findElement(By.cssSelector("form[action='/admin/login'] button[type=submit]"))
        .click();
    Eventually.await(
        "signed in", Duration.ofSeconds(10), () -> driver.getTitle().startsWith("Dashboard"));
    browserCache(false);

    // The newsroom's logo and accent colour.
    go("/admin/settings");
    var logo = dir.resolve("logo.png");
    java.nio.file.Files.write(logo, dev.byline.testing.TestImages.png(300, 100));
    field("logoFile").sendKeys(logo.toAbsolutePath().toString());
    type("accent", "#1a5e20");
    driver.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();
    Eventually.await(
        "the settings saved",
        Duration.ofSeconds(10),
        () -> driver.getPageSource().contains("Saved."));
    within("the logo and accent colour", () -> {
      go("/");
      return "#1a5e20"
              .equals(
                  js(
                      "return getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()"))
          && String.valueOf(js("return document.querySelector('.brand img').currentSrc"))
              .contains("/media/");
    });

    // An Imprint page, published.
    go("/admin/pages/new");
    type("title", "Imprint");
    type("slug", "imprint");
    type("summary", "Who publishes this site.");
    type("body", "Published by the Example Media Company.\n\n## Contact\n\nnewsroom@example.org");
    submit("Save and publish");
    Eventually.await(
        "the saved page",
        Duration.ofSeconds(10),
        () -> driver.getCurrentUrl().matches(".*/admin/pages/\\d+$"));
    within("the Imprint page", () -> {
      go("/page/imprint");
      return driver.findElements(By.tagName("h1")).stream()
          .anyMatch(h -> h.getText().equals("Imprint"));
    });

    // Into the footer menu: every cached page learns of it.
    go("/");
    go("/admin/menus");
    new Select(field("menu")).selectByValue("footer");
    new Select(field("kind")).selectByValue("page");
    new Select(field("page")).selectByVisibleText("Imprint");
    submit("Add to menu");
    Eventually.await(
        "the menu saved",
        Duration.ofSeconds(10),
        () -> driver.getPageSource().contains("Page: Imprint"));
    within("Imprint in the footer", () -> {
      go("/");
      return !driver
          .findElements(By.cssSelector(".site-footer a[href='/page/imprint']"))
          .isEmpty();
    });

    // The older story pinned as the lead, above the newer one.
    assertThat(frontLeads(newerStory)).isTrue();
    go("/admin/front");
    new Select(field("place")).selectByValue("lead");
    type("story", olderStory);
    submit("Pin");
    Eventually.await(
        "the pin saved",
        Duration.ofSeconds(10),
        () -> driver.getPageSource().contains("Ceasefire holds"));
    within("the pinned lead", () -> frontLeads(olderStory));

    // A breaking banner, on an article page the browser holds in its cache: its bytes do not
    // change.
    browserCache(true);
    go(newerStory);
    assertThat(driver.findElements(By.cssSelector("[data-breaking]:not([hidden])")))
        .isEmpty();
    go("/admin/breaking");
    type("text", "Parliament dissolved");
    type("url", newerStory);
    submit("Raise banner");
    Eventually.await(
        "the banner saved",
        Duration.ofSeconds(10),
        () -> driver.getPageSource().contains("Up now:"));
    within("the breaking banner", () -> {
      if (!driver.getCurrentUrl().endsWith(newerStory)) go(newerStory);
      return bannerShown();
    });
    var alert = driver.findElement(By.cssSelector("[data-breaking] [role=alert] a"));
    assertThat(alert.getAttribute("href")).endsWith(newerStory);

    accessible("/");
    accessible(olderStory);
    accessible("/page/imprint");

    // On a phone the header menu folds behind a button that says whether it is open.
    Accessibility.onPhone(driver);
    go("/");
    var toggle = driver.findElement(By.cssSelector(".menu-toggle"));
    assertThat(toggle.isDisplayed()).isTrue();
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
    assertThat(driver.findElement(By.cssSelector("#site-menu a[href='/world']")).isDisplayed())
        .isFalse();
    toggle.click();
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
    assertThat(driver.findElement(By.cssSelector("#site-menu a[href='/world']")).isDisplayed())
        .isTrue();

    // Dismissed, the banner stays away on the next page of the visit.
    driver.findElement(By.cssSelector(".breaking-close")).click();
    assertThat(driver.findElement(By.cssSelector("[data-breaking]")).isDisplayed())
        .isFalse();
    go(olderStory);
    Eventually.await("the banner script to run", Duration.ofSeconds(5), () ->
        (Boolean) driver.executeScript("return document.readyState === 'complete'"));
    assertThat(driver.findElements(By.cssSelector("[data-breaking]")).stream()
            .anyMatch(WebElement::isDisplayed))
        .isFalse();
    Accessibility.onDesktop(driver);
    assertThat(Browser.consoleErrors(driver)).isEmpty();

    // The same site in Arabic: right to left, every word around the stories translated.
    go("/admin/settings");
    new Select(field("language")).selectByVisibleText("ar");
    driver.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();
    Eventually.await(
        "the language saved",
        Duration.ofSeconds(10),
        () -> driver.getPageSource().contains("Saved."));
    browserCache(false);
    within("the site in Arabic", () -> {
      go("/");
      return "rtl".equals(js("return document.documentElement.dir"))
          && "ar".equals(js("return document.documentElement.lang"))
          && driver
              .findElement(By.cssSelector(".skip"))
              .getAttribute("textContent")
              .contains("انتقل");
    });
    js("sessionStorage.clear()"); // shows the dismissed banner again
    // The browser's cache stays off: it holds the English pages for their minute.
    accessible("/", "-ar");
    accessible(olderStory, "-ar");
    accessible("/page/imprint", "-ar");
    assertThat(js("return getComputedStyle(document.querySelector('main')).direction"))
        .isEqualTo("rtl");
    assertThat(driver
            .findElement(By.cssSelector(".site-footer a[href='/page/imprint']"))
            .getText())
        .isEqualTo("Imprint");
    // The cookie banner speaks the site's new language with the next page, too.
    Eventually.await(
        "the banner in Arabic",
        Duration.ofSeconds(5),
        () -> driver.findElements(By.cssSelector("#cc-main button")).stream()
            .anyMatch(b -> b.getText().contains("قبول الكل")));
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  Object js(String script) {
    return driver.executeScript(script);
  }
}
