package dev.byline.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.Newsroom;
import dev.byline.analytics.Beacon;
import dev.byline.analytics.Reader;
import dev.byline.testing.Accessibility;
import dev.byline.testing.Browser;
import dev.byline.testing.Eventually;
import dev.byline.testing.TestClock;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestSite;
import dev.byline.testing.TopicalNewsroom;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What a reader's browser does: counts a view, remembers reads and follows only with consent,
 * and shows "For you" or "Most read". Consent is granted or refused by a test-only stand-in for
 * {@code window.bylineConsent}, injected before any page script runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AudienceBrowserTest {
  /** A reader's Chromium: headless Chromium says "HeadlessChrome", which the site rightly ignores. */
  static final String READER =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

  static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir
  static Path dir;

  final TestClock clock = new TestClock(Instant.now());
  final ObjectMapper json = new ObjectMapper();
  TestSite site;
  Map<String, Long> ids;

  @BeforeAll
  void start() {
    var config = TestDatabases.sqlite(dir.resolve("site"));
    try (var newsroom = Newsroom.open(config, clock)) {
      ids = TopicalNewsroom.seed(newsroom, clock);
    }
    site = TestSite.start(config, clock);
  }

  @AfterAll
  void stop() {
    if (site != null) site.close();
  }

  /**
   * A stand-in for the consent script: {@code categories} granted (null: no consent script at
   * all). Assignments by a real consent script are ignored so the test keeps control;
   * {@code window.__testConsent([...])} changes the choice and fires {@code byline:consent}.
   */
  static String consent(List<String> categories) {
    var initial = categories == null ? "null" : "['" + String.join("','", categories) + "']";
    return "(function () {"
        + "var cats = " + initial + ";"
        + "function make() { return cats === null ? undefined : { allowed: function (c) { return c === 'necessary' || cats.indexOf(c) >= 0; },"
        + "  open: function () { window.__settingsOpened = true; } }; }"
        + "var stub = make();"
        + "Object.defineProperty(window, 'bylineConsent', { configurable: true, get: function () { return stub; }, set: function () {} });"
        + "window.__testConsent = function (list) { cats = list; stub = make();"
        + "  document.dispatchEvent(new CustomEvent('byline:consent', { detail: { categories: ['necessary'].concat(list || []) } })); };"
        + "})();";
  }

  ChromeDriver open(Path profile, List<String> granted) {
    var driver = Browser.open(profile);
    driver.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", READER));
    driver.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument", Map.of("source", consent(granted)));
    return driver;
  }

  String path(String key) {
    return site.newsroom().articles().byId(ids.get(key)).orElseThrow().path();
  }

  long views(String path) {
    site.byline().pageViews().flush();
    return site.newsroom()
        .db()
        .jdbi()
        .withHandle(h -> h.createQuery(
                "SELECT COALESCE(SUM(views), 0) FROM analytics_page_day WHERE path = :p")
            .bind("p", path)
            .mapTo(Long.class)
            .one());
  }

  long source(String kind, String name) {
    return site.newsroom()
        .db()
        .jdbi()
        .withHandle(h -> h.createQuery(
                "SELECT COALESCE(SUM(views), 0) FROM analytics_source_day WHERE kind = :k AND name = :n")
            .bind("k", kind)
            .bind("n", name)
            .mapTo(Long.class)
            .one());
  }

  static String stored(ChromeDriver driver) {
    return (String) driver.executeScript("return localStorage.getItem('byline.pref.reader')");
  }

  static long storedKeys(ChromeDriver driver) {
    return (Long) driver.executeScript("return localStorage.length + sessionStorage.length");
  }

  void read(ChromeDriver driver, String key) {
    driver.get(site.url(path(key)));
    Eventually.await(key + " remembered", WAIT, () -> {
      var s = stored(driver);
      return s != null && s.contains("\"id\":" + ids.get(key) + ",");
    });
  }

  List<WebElement> forYouLinks(ChromeDriver driver) {
    return driver.findElements(By.cssSelector("[data-for-you] [data-for-you-list] li a"));
  }

  List<String> hrefs(List<WebElement> links) {
    var out = new ArrayList<String>();
    for (var a : links) out.add(a.getDomAttribute("href"));
    return out;
  }

  @Test
  void
      a_page_view_in_chromium_is_counted_with_its_campaign_and_a_click_within_the_site_is_no_referral(
          @TempDir Path profile) {
    var driver = open(profile, null);
    try {
      var article = path("space-2");
      long before = views(article);
      long sectionBefore = views("/science");
      long campaignBefore = source("campaign", "newsletter");
      driver.get(site.url(article + "?utm_source=newsletter"));
      Eventually.await("the article view is counted", WAIT, () -> views(article) == before + 1);
      assertThat(source("campaign", "newsletter")).isEqualTo(campaignBefore + 1);

      driver.findElement(By.cssSelector(".story-header .kicker a")).click();
      Eventually.await(
          "the section view is counted", WAIT, () -> views("/science") == sectionBefore + 1);
      assertThat(source("referrer", "localhost")).as("moving within the site").isZero();
      assertThat(views(article)).as("one view per page shown").isEqualTo(before + 1);
      assertThat(driver.manage().getCookies()).as("no cookies").isEmpty();
      assertThat(storedKeys(driver)).as("nothing stored without consent").isZero();
      assertThat(Browser.consoleErrors(driver)).isEmpty();
    } finally {
      driver.quit();
    }
  }

  @Test
  void for_you_shows_stories_related_to_the_ones_just_read_and_follows_and_forgets_on_request(
      @TempDir Path profile) throws Exception {
    var driver = open(profile, List.of("preferences"));
    try {
      read(driver, "election-1");
      read(driver, "election-3");
      var state = json.readTree(stored(driver));
      assertThat(state.get("reads").size()).isEqualTo(2);
      assertThat(state.get("reads").get(0).get("id").asLong())
          .as("newest first")
          .isEqualTo(ids.get("election-3"));
      assertThat(state.get("reads").get(0).get("t").toString())
          .isEqualTo("[\"norreland-election\",\"norreland\"]");
      assertThat(state.get("reads").get(0).size())
          .as("only the id and topic slugs")
          .isEqualTo(2);

      driver.get(site.url("/"));
      Eventually.await("For you lists picks", WAIT, () -> forYouLinks(driver).size() >= 3);
      assertThat(driver.findElement(By.cssSelector("[data-for-you] h2")).getText())
          .isEqualTo("For you");
      var picks = hrefs(forYouLinks(driver));
      assertThat(picks.subList(0, 3))
          .containsExactlyInAnyOrder(path("election-2"), path("election-4"), path("election-5"));
      assertThat(picks)
          .doesNotContain(path("election-1"), path("election-3"), path("election-old"));
      assertThat(driver.findElement(By.cssSelector("[data-for-you] .reason")).getText())
          .startsWith("Because you read “Norreland election");

      driver.get(site.url("/topic/halden-rovers"));
      // The follow button is added in the browser's idle time, after the page has painted.
      var followButton = By.cssSelector("button.follow[data-slug='halden-rovers']");
      Eventually.await(
          "the follow button", WAIT, () -> !driver.findElements(followButton).isEmpty());
      var follow = driver.findElement(followButton);
      assertThat(follow.getDomAttribute("aria-pressed")).isEqualTo("false");
      follow.click();
      Eventually.await(
          "following", WAIT, () -> "true".equals(follow.getDomAttribute("aria-pressed")));
      assertThat(follow.getText()).isEqualTo("Following");
      assertThat(json.readTree(stored(driver)).get("follows").get(0).get("s").asText())
          .isEqualTo("halden-rovers");

      driver.get(site.url("/"));
      Eventually.await(
          "picks from the followed topic",
          WAIT,
          () -> driver.findElements(By.cssSelector("[data-for-you] .reason")).stream()
              .anyMatch(r -> r.getText().equals("Because you follow Halden Rovers")));
      Browser.screenshot(driver, "audience-for-you");

      driver.findElement(By.cssSelector("[data-for-you] .clear-history")).click();
      Eventually.await("history cleared", WAIT, () -> stored(driver).contains("\"reads\":[]"));
      Eventually.await("only followed-topic picks remain", WAIT, () -> {
        var reasons = driver.findElements(By.cssSelector("[data-for-you] .reason"));
        return !reasons.isEmpty()
            && reasons.stream()
                .allMatch(r -> r.getText().equals("Because you follow Halden Rovers"));
      });
      assertThat(driver.findElement(By.cssSelector(".clear-history")).isEnabled())
          .isFalse();
      assertThat(driver.manage().getCookies()).isEmpty();
      assertThat(Browser.consoleErrors(driver)).isEmpty();
    } finally {
      driver.quit();
    }
  }

  @Test
  void without_preferences_consent_nothing_is_stored_and_for_you_shows_most_read(
      @TempDir Path profile) {
    var views = site.byline().pageViews();
    for (int i = 0; i < 40; i++) {
      views.record(
          new Beacon(path(i % 2 == 0 ? "cyclone-2" : "football-4"), "", ""),
          new Reader("198.51.100." + i, READER, false));
    }
    clock.advance(Duration.ofMinutes(2));
    views.flush();

    // No consent script at all, then one that refuses preferences.
    for (var granted : java.util.Arrays.asList(null, List.of("analytics"))) {
      var driver = open(profile.resolve(granted == null ? "none" : "refused"), granted);
      try {
        driver.get(site.url(path("election-1")));
        Eventually.await(
            "Most read filled in on the article page",
            WAIT,
            () -> !driver
                .findElements(By.cssSelector(".story ~ [data-most-read] li a"))
                .isEmpty());
        var follow =
            driver.findElement(By.cssSelector(".topics button.follow[data-slug='norreland']"));
        follow.click();
        Eventually.await(
            "a note explains why",
            WAIT,
            () -> !driver.findElements(By.cssSelector(".follow-note")).isEmpty());
        assertThat(driver.findElement(By.cssSelector(".follow-note")).getText())
            .contains("Preferences");
        assertThat(follow.getDomAttribute("aria-pressed")).isEqualTo("false");
        var settings = driver.findElements(By.cssSelector(".follow-note button.consent-settings"));
        if (granted == null) {
          assertThat(settings).as("no consent script, no settings to open").isEmpty();
        } else {
          settings.get(0).click();
          assertThat(driver.executeScript("return window.__settingsOpened === true"))
              .isEqualTo(true);
        }

        driver.get(site.url("/"));
        Eventually.await(
            "the module shows Most read",
            WAIT,
            () -> !forYouLinks(driver).isEmpty()
                || !driver
                    .findElements(By.cssSelector("[data-for-you] .for-you-list li a"))
                    .isEmpty());
        assertThat(driver.findElement(By.cssSelector("[data-for-you] h2")).getText())
            .isEqualTo("Most read");
        Browser.screenshot(
            driver, "audience-most-read-" + (granted == null ? "no-consent-script" : "refused"));
        var shown = hrefs(driver.findElements(By.cssSelector("[data-for-you] .for-you-list li a")));
        assertThat(shown.subList(0, 2))
            .containsExactlyInAnyOrder(path("cyclone-2"), path("football-4"));
        assertThat(driver.findElement(By.cssSelector(".side [data-most-read]")).isDisplayed())
            .as("not shown twice")
            .isFalse();
        assertThat(storedKeys(driver)).as("nothing stored").isZero();
        assertThat(driver.manage().getCookies()).isEmpty();
        assertThat(Browser.consoleErrors(driver)).isEmpty();
      } finally {
        driver.quit();
      }
    }
  }

  @Test
  void withdrawing_preferences_consent_deletes_the_reading_history(@TempDir Path profile) {
    var driver = open(profile, List.of("preferences"));
    try {
      read(driver, "space-1");
      driver.executeScript("window.__testConsent(['analytics'])");
      Eventually.await("history deleted", WAIT, () -> storedKeys(driver) == 0);
      driver.findElement(By.cssSelector(".topics button.follow")).click();
      Eventually.await(
          "a note explains why",
          WAIT,
          () -> !driver.findElements(By.cssSelector(".follow-note")).isEmpty());
      assertThat(storedKeys(driver)).as("nothing written after withdrawal").isZero();
    } finally {
      driver.quit();
    }
  }

  @Test
  void with_analytics_consent_required_the_beacon_waits_for_it(@TempDir Path profile) {
    var config = TestDatabases.sqlite(
        dir.resolve("consent-required"), Map.of("analytics.requireConsent", "true"));
    try (var newsroom = Newsroom.open(config, clock)) {
      TopicalNewsroom.seed(newsroom, clock);
    }
    try (var strict = TestSite.start(config, clock)) {
      var article = strict.newsroom().published().latest(1, 1).items().get(0).path();
      assertThat(strict.get(article).body())
          .contains("<meta name=\"byline-analytics\" content=\"require-consent\">");
      var driver = open(profile, List.of("preferences"));
      try {
        driver.get(strict.url(article));
        Eventually.await(
            "the page has run its scripts",
            WAIT,
            () -> !driver.findElements(By.cssSelector(".topics button.follow")).isEmpty());
        strict.byline().pageViews().flush();
        assertThat(countOf(strict, article))
            .as("no analytics consent, no count")
            .isZero();
        driver.executeScript("window.__testConsent(['preferences', 'analytics'])");
        Eventually.await("counted once consent is given", WAIT, () -> {
          strict.byline().pageViews().flush();
          return countOf(strict, article) == 1;
        });
      } finally {
        driver.quit();
      }
    }
  }

  static long countOf(TestSite s, String path) {
    return s.newsroom()
        .db()
        .jdbi()
        .withHandle(h -> h.createQuery(
                "SELECT COALESCE(SUM(views), 0) FROM analytics_page_day WHERE path = :p")
            .bind("p", path)
            .mapTo(Long.class)
            .one());
  }

  @Test
  void the_dashboard_and_the_for_you_front_page_pass_an_accessibility_check(@TempDir Path profile) {
    site.byline()
        .accounts()
        .users()
        .create(
            "axe@example.org",
            "Axel Editor",
            dev.byline.auth.Role.EDITOR,
            "correct horse battery staple",
            false);
    var views = site.byline().pageViews();
    for (int i = 0; i < 25; i++) {
      views.record(
          new Beacon(
              path(i % 3 == 0 ? "space-1" : "election-2"),
              i % 4 == 0 ? "news.example.org" : "",
              ""),
          new Reader("198.51.100." + i, READER, false));
    }
    views.flush();
    var driver = open(profile, List.of("preferences"));
    try {
      read(driver, "football-1");
      // The reader's front page answers to WCAG 2.2 AA (target size too) on a phone and a desktop.
      for (var phone : List.of(true, false)) {
        if (phone) Accessibility.onPhone(driver);
        else Accessibility.onDesktop(driver);
        driver.get(site.url("/"));
        Eventually.await("For you lists picks", WAIT, () -> !forYouLinks(driver).isEmpty());
        assertThat(Accessibility.violations(driver))
            .as("axe on the front page with For you" + (phone ? " on a phone" : ""))
            .isEmpty();
      }

      driver.get(site.url("/admin/login"));
      driver.findElement(By.name("email")).sendKeys("axe@example.org");
      driver.findElement(By.name("password")).sendKeys("correct horse battery staple");
      driver
          .findElement(By.cssSelector("form[action='/admin/login'] button[type=submit]"))
          .click();
      Eventually.await("signed in", WAIT, () -> !driver.getCurrentUrl().contains("/admin/login"));
      var today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
      driver.get(site.url("/admin/analytics?from=" + today + "&to=" + today));
      var chart = driver.findElement(By.cssSelector("svg.chart"));
      assertThat(chart.getSize().getWidth()).as("the chart is drawn wide").isGreaterThan(600);
      assertThat(driver.findElement(By.cssSelector("svg.chart title")).getAttribute("textContent"))
          .startsWith("Page views and visitors");
      Browser.screenshot(driver, "audience-dashboard");
      assertThat(seriousViolations(driver)).as("axe on the dashboard").isEmpty();
      assertThat(Browser.consoleErrors(driver)).isEmpty();
    } finally {
      driver.quit();
    }
  }

  static List<String> seriousViolations(ChromeDriver driver) {
    var results = new com.deque.html.axecore.selenium.AxeBuilder()
        .withTags(List.of("wcag2a", "wcag2aa"))
        .analyze(driver);
    return results.getViolations().stream()
        .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
        .map(v -> v.getId() + ": " + v.getHelp() + " "
            + v.getNodes().stream().map(n -> n.getTarget().toString()).toList())
        .toList();
  }

  @Test
  void with_the_real_consent_banner_accepting_keeps_reads_and_rejecting_keeps_nothing(
      @TempDir Path profile) {
    for (var accept : List.of(true, false)) {
      var driver = Browser.open(profile.resolve(accept ? "accept" : "reject"));
      driver.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", READER));
      try {
        driver.get(site.url(path("cyclone-3")));
        var button = By.xpath(
            "//button[normalize-space()='" + (accept ? "Accept all" : "Reject all") + "']");
        Eventually.await(
            "the consent banner",
            WAIT,
            () -> !driver.findElements(button).isEmpty()
                && driver.findElement(button).isDisplayed());
        assertThat(storedKeys(driver)).as("nothing before a choice").isZero();
        driver.findElement(button).click();
        if (accept) {
          Eventually.await("the open story remembered", WAIT, () -> {
            var s = stored(driver);
            return s != null && s.contains("\"id\":" + ids.get("cyclone-3") + ",");
          });
          read(driver, "cyclone-1");
          driver.get(site.url("/"));
          Eventually.await(
              "For you lists picks", WAIT, () -> !forYouLinks(driver).isEmpty());
          assertThat(driver.findElement(By.cssSelector("[data-for-you] h2")).getText())
              .isEqualTo("For you");
          assertThat(hrefs(forYouLinks(driver)))
              .contains(path("cyclone-2"))
              .doesNotContain(path("cyclone-1"), path("cyclone-3"));
        } else {
          driver.get(site.url(path("cyclone-1")));
          Eventually.await(
              "the page has run its scripts",
              WAIT,
              () ->
                  !driver.findElements(By.cssSelector(".topics button.follow")).isEmpty());
          driver.get(site.url("/"));
          Eventually.await(
              "the module shows Most read",
              WAIT,
              () -> "Most read"
                  .equals(
                      driver.findElement(By.cssSelector("[data-for-you] h2")).getText()));
          assertThat(stored(driver)).as("no reading history after rejecting").isNull();
        }
      } finally {
        driver.quit();
      }
    }
  }
}
