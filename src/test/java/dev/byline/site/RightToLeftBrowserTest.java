package dev.byline.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.content.Markdown;
import dev.byline.live.PostDraft;
import dev.byline.testing.Accessibility;
import dev.byline.testing.Browser;
import dev.byline.testing.Eventually;
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
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * An Arabic site in a real Chromium: pages laid out right to left (the masthead, the section
 * list, the borders and the skip link mirrored), WCAG 2.2 AA by axe, and the live blog's script
 * saying its count in Arabic plural forms. Screenshots go to target/screenshots/rtl-*.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RightToLeftBrowserTest {
  @TempDir
  static Path dir;

  TestSite arabic;
  TestSite english;
  ChromeDriver browser;
  long liveId;

  @BeforeAll
  void start() {
    arabic =
        TestSite.demo(dir.resolve("ar"), Map.of("site.language", "ar", "live.poll.seconds", "1"));
    english = TestSite.demo(dir.resolve("en"));
    liveId = liveBlog(arabic);
    browser = Browser.open(dir.resolve("profile"));
  }

  @AfterAll
  void stop() {
    if (browser != null) browser.quit();
    if (arabic != null) arabic.close();
    if (english != null) english.close();
  }

  static final List<String> PAGES = List.of(
      "/",
      "/science/orbital-harvest-lifts-off-carrying-first-crop-growing-greenhouse-to-orbit",
      "/world",
      "/search?q=orbital+harvest");

  @Test
  void arabic_pages_are_laid_out_right_to_left_and_meet_wcag_2_2_aa() {
    try {
      for (var phone : List.of(false, true)) {
        if (phone) Accessibility.onPhone(browser);
        else Accessibility.onDesktop(browser);
        for (var path : PAGES) {
          browser.get(arabic.url(path));
          assertThat(browser.executeScript("return document.documentElement.dir"))
              .isEqualTo("rtl");
          assertThat(browser.executeScript("return getComputedStyle(document.body).direction"))
              .isEqualTo("rtl");
          assertThat(Accessibility.violations(browser))
              .as("axe on " + path + (phone ? " on a phone" : " on a desktop"))
              .isEmpty();
        }
      }
    } finally {
      Accessibility.onDesktop(browser);
    }
  }

  @Test
  void the_masthead_sections_and_borders_mirror_against_the_english_site() {
    browser.get(arabic.url("/"));
    var rtl = layout();
    Browser.screenshot(browser, "rtl-front");
    browser.get(english.url("/"));
    var ltr = layout();

    // The name of the site stands at the right in Arabic and at the left in English, the search
    // box on the other side of it.
    assertThat(rtl.brandLeft()).isGreaterThan(rtl.searchLeft());
    assertThat(ltr.brandLeft()).isLessThan(ltr.searchLeft());
    assertThat(rtl.brandRightGap()).isLessThan(40);
    assertThat(ltr.brandLeftGap()).isLessThan(40);
    // "Home" is the first section, at the start of the line: right in Arabic.
    assertThat(rtl.homeLeft()).isGreaterThan(rtl.secondSectionLeft());
    assertThat(ltr.homeLeft()).isLessThan(ltr.secondSectionLeft());
    // The hidden skip link waits off the start edge: right in Arabic.
    assertThat(rtl.skipRight()).isEqualTo("-999px");
    assertThat(ltr.skipLeft()).isEqualTo("-999px");
  }

  @Test
  void an_article_and_its_live_blog_mirror_and_the_script_counts_in_arabic() {
    var path = "/world/live-blog-of-the-test";
    browser.get(arabic.url(path));
    var post = browser.findElement(By.cssSelector(".live-post"));
    assertThat(post.getCssValue("border-right-width")).isEqualTo("3px");
    assertThat(post.getCssValue("border-left-width")).isEqualTo("0px");
    var heading = browser.findElement(By.cssSelector(".story h1"));
    assertThat(heading.getCssValue("text-align")).isIn("start", "right");
    assertThat(browser.findElement(By.cssSelector(".live > h2")).getText())
        .isEqualTo("تغطية مباشرة");

    addPosts(arabic, liveId, 2);
    var button = browser.findElement(By.cssSelector("[data-live-button]"));
    Eventually.await(
        "the new-updates button in Arabic's dual form",
        Duration.ofSeconds(10),
        () -> button.isDisplayed() && button.getText().equals("تحديثان جديدان"));
    Browser.screenshot(browser, "rtl-live-article");
    button.click();
    Eventually.await(
        "three posts shown",
        Duration.ofSeconds(5),
        () -> browser.findElements(By.cssSelector(".live-post")).size() == 3);
    assertThat(Browser.consoleErrors(browser)).as("console errors").isEmpty();

    browser.get(arabic.url("/world"));
    Browser.screenshot(browser, "rtl-section");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
  }

  /** Where the masthead's parts are, in CSS pixels from the left of the page. */
  record Layout(
      double brandLeft,
      double searchLeft,
      double brandLeftGap,
      double brandRightGap,
      double homeLeft,
      double secondSectionLeft,
      String skipLeft,
      String skipRight) {}

  @SuppressWarnings("unchecked")
  private Layout layout() {
    var m = (Map<String, Object>)
        browser.executeScript(
            "var b = document.querySelector('.brand').getBoundingClientRect();"
                + "var s = document.querySelector('.search-box').getBoundingClientRect();"
                + "var w = document.querySelector('.masthead > .wrap');"
                + "var cs = getComputedStyle(w);"
                + "var wr = w.getBoundingClientRect();"
                + "var inner = [wr.left + parseFloat(cs.paddingLeft), wr.right - parseFloat(cs.paddingRight)];"
                + "var li = document.querySelectorAll('.sections li');"
                + "var skip = getComputedStyle(document.querySelector('.skip'));"
                + "return {brandLeft: b.left, searchLeft: s.left, brandLeftGap: b.left - inner[0],"
                + " brandRightGap: inner[1] - b.right, homeLeft: li[0].getBoundingClientRect().left,"
                + " second: li[1].getBoundingClientRect().left, skipLeft: skip.left, skipRight: skip.right};");
    return new Layout(
        num(m.get("brandLeft")),
        num(m.get("searchLeft")),
        num(m.get("brandLeftGap")),
        num(m.get("brandRightGap")),
        num(m.get("homeLeft")),
        num(m.get("second")),
        String.valueOf(m.get("skipLeft")),
        String.valueOf(m.get("skipRight")));
  }

  private static double num(Object o) {
    return ((Number) o).doubleValue();
  }

  private static long liveBlog(TestSite site) {
    var newsroom = site.newsroom();
    long section = newsroom.sections().bySlug("world").orElseThrow().id();
    long id = newsroom
        .articles()
        .create(ArticleDraft.of(
            "Live blog of the test", "Live.", section, List.of(Block.Paragraph.ofText("Intro."))));
    newsroom.articles().publish(id);
    newsroom.db().useTransaction(tx -> newsroom.live().start(tx, id));
    addPosts(site, id, 1);
    return id;
  }

  private static void addPosts(TestSite site, long id, int n) {
    var newsroom = site.newsroom();
    for (int i = 0; i < n; i++) {
      var text = "Winds at the harbour, report " + System.nanoTime() + ".";
      newsroom
          .db()
          .useTransaction(tx -> newsroom
              .live()
              .post(
                  tx, id, new PostDraft(text, new Markdown().toBlocks(text), true, false, "Eda")));
    }
  }
}
