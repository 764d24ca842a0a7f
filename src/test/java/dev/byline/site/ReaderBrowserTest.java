package dev.byline.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.testing.Accessibility;
import dev.byline.testing.Browser;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** What a reader sees in a real Chromium: the front page, an article, its photo and credit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderBrowserTest {
  @TempDir
  static Path dir;

  TestSite site;
  ChromeDriver browser;

  @BeforeAll
  void start() {
    site = TestSite.demo(dir.resolve("data"));
    browser = Browser.open(dir.resolve("profile"));
  }

  @AfterAll
  void stop() {
    if (browser != null) browser.quit();
    if (site != null) site.close();
  }

  @Test
  void a_reader_opens_the_front_page_then_the_lead_story_with_its_credited_photo() {
    browser.get(site.url("/"));
    var lead = browser.findElement(By.cssSelector(".lead-headline a"));
    var headline = lead.getText();
    assertThat(headline).isNotBlank();
    assertThat(browser.findElements(By.cssSelector(".rail"))).hasSizeGreaterThanOrEqualTo(3);
    Browser.screenshot(browser, "reader-front");

    lead.click();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(headline);
    var figure = browser.findElement(By.cssSelector("article.story figure.photo"));
    var img = figure.findElement(By.tagName("img"));
    assertThat(((Number) browser.executeScript("return arguments[0].naturalWidth", img)).intValue())
        .as("the photo actually loaded")
        .isGreaterThan(0);
    assertThat(img.getAttribute("alt")).isNotBlank();
    var caption = figure.findElement(By.cssSelector("figcaption .caption")).getText();
    var credit = figure.findElement(By.cssSelector("figcaption .credit")).getText();
    assertThat(caption).isNotBlank();
    assertThat(credit).contains("/");
    assertThat(figure.findElement(By.tagName("figcaption")).getText())
        .isEqualTo(caption + " " + credit);
    assertThat(browser.findElement(By.cssSelector(".byline time")).getAttribute("datetime"))
        .endsWith("Z");
    Browser.screenshot(browser, "reader-article");

    assertThat(Browser.consoleErrors(browser)).as("console errors").isEmpty();
  }

  /** The pages Lighthouse measures (bench/lighthouse/run.sh), the article with a video and ads. */
  static final List<String> READER_PAGES = List.of(
      "/",
      "/world",
      "/science/orbital-harvest-lifts-off-carrying-first-crop-growing-greenhouse-to-orbit",
      "/search?q=orbital+harvest",
      "/topic/orbital-harvest");

  @Test
  void reader_pages_meet_wcag_2_2_aa_including_target_size_on_a_phone_and_a_desktop() {
    try {
      for (var phone : List.of(true, false)) {
        if (phone) Accessibility.onPhone(browser);
        else Accessibility.onDesktop(browser);
        for (var path : READER_PAGES) {
          browser.get(site.url(path));
          assertThat(Accessibility.violations(browser))
              .as("axe on " + path + (phone ? " on a phone" : " on a desktop"))
              .isEmpty();
        }
      }
    } finally {
      Accessibility.onDesktop(browser);
    }
  }
}
