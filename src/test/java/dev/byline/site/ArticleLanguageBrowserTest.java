package dev.byline.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.testing.Accessibility;
import dev.byline.testing.Browser;
import dev.byline.testing.Eventually;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * An Arabic story on the English demo site in a real Chromium: the story reads right to left
 * while the masthead, navigation, footer and cookie banner stay English and left to right, and
 * the page meets WCAG 2.2 AA by axe. Screenshots go to target/screenshots/article-language-*.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleLanguageBrowserTest {
  @TempDir
  static Path dir;

  TestSite site;
  ChromeDriver browser;
  String path;

  @BeforeAll
  void start() {
    site = TestSite.demo(dir.resolve("data"));
    var newsroom = site.newsroom();
    long world = newsroom.sections().bySlug("world").orElseThrow().id();
    long id = newsroom
        .articles()
        .create(ArticleDraft.of(
                "استئناف محادثات الميناء في لشبونة",
                "عاد الطرفان إلى طاولة المفاوضات صباح اليوم.",
                world,
                List.of(
                    Block.Paragraph.ofText("استؤنفت المحادثات بين الطرفين في الميناء اليوم."),
                    new Block.Heading(2, "ما التالي"),
                    Block.Paragraph.ofText("يتوقع المفاوضون اتفاقاً قبل نهاية الأسبوع.")))
            .withLanguage("ar"));
    newsroom.articles().publish(id);
    path = newsroom.articles().byId(id).orElseThrow().path();
    browser = Browser.open(dir.resolve("profile"));
  }

  @AfterAll
  void stop() {
    if (browser != null) browser.quit();
    if (site != null) site.close();
  }

  @Test
  void an_arabic_story_reads_right_to_left_inside_english_chrome_and_meets_wcag_2_2_aa() {
    try {
      for (var phone : List.of(false, true)) {
        if (phone) Accessibility.onPhone(browser);
        else Accessibility.onDesktop(browser);
        browser.get(site.url(path));
        assertThat(js("return document.documentElement.lang")).isEqualTo("ar");
        assertThat(js("return document.documentElement.dir")).isEqualTo("rtl");
        assertThat(direction(".story h1")).isEqualTo("rtl");
        assertThat(direction(".story-body")).isEqualTo("rtl");
        assertThat(
                js(
                    "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
            .as("nothing of the English chrome sticks out sideways")
            .isEqualTo(true);
        for (var chrome : List.of(".masthead", ".site-footer", ".crumbs", ".story .byline")) {
          assertThat(js("return document.querySelector('" + chrome + "').lang"))
              .as(chrome + " lang")
              .isEqualTo("en");
          assertThat(direction(chrome)).as(chrome + " direction").isEqualTo("ltr");
        }
        // The cookie banner, built by script, says it is in the site's language too.
        Eventually.await(
            "the cookie banner in English",
            Duration.ofSeconds(10),
            () -> "en"
                .equals(js("var m = document.querySelector('#cc-main .cm');"
                    + " return m && m.closest('[lang]') ? m.closest('[lang]').lang : null")));
        assertThat(direction("#cc-main .cm")).isEqualTo("ltr");
        Browser.screenshot(browser, "article-language-ar-on-en" + (phone ? "-phone" : ""));
        assertThat(Accessibility.violations(browser))
            .as("axe on the Arabic story" + (phone ? " on a phone" : " on a desktop"))
            .isEmpty();
      }
      assertThat(Browser.consoleErrors(browser)).as("console errors").isEmpty();
    } finally {
      Accessibility.onDesktop(browser);
    }
  }

  private String direction(String selector) {
    return String.valueOf(
        js("return getComputedStyle(document.querySelector('" + selector + "')).direction"));
  }

  private Object js(String script) {
    return browser.executeScript(script);
  }
}
