package dev.byline.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.selenium.AxeBuilder;
import dev.byline.testing.Accessibility;
import dev.byline.testing.Browser;
import dev.byline.testing.Eventually;
import dev.byline.testing.NetworkLog;
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
import org.openqa.selenium.interactions.Actions;

/**
 * The consent banner in a real Chromium, recording every request and cookie: nothing reaches a
 * third party before consent, "Accept all" reaches Google Analytics, AdSense and YouTube (the
 * attempts fail offline; the attempt is what counts), "Reject all" keeps it at nothing across
 * pages and a browser restart, and withdrawing stops the tags and deletes their cookies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentBrowserTest {
  static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir
  static Path dir;

  TestSite site;
  String article;

  @BeforeAll
  void start() {
    site = TestSite.demo(dir.resolve("data"));
    article = site.newsroom().published().latest(1, 100).items().stream()
        .filter(a -> a.headline().startsWith("Orbital Harvest"))
        .findFirst()
        .orElseThrow()
        .path();
  }

  @AfterAll
  void stop() {
    site.close();
  }

  @Test
  void
      first_visit_contacts_no_third_party_and_accept_all_then_reaches_analytics_adsense_and_youtube_until_withdrawn() {
    var driver = Browser.open(dir.resolve("profile-accept"), true);
    try {
      var net = new NetworkLog(driver);
      driver.get(site.url(article));
      waitForBanner(driver);
      Browser.screenshot(driver, "consent-banner");
      assertThat(net.thirdPartyRequests())
          .as("requests to third parties before any choice")
          .isEmpty();
      assertThat(net.cookieNames()).as("cookies before any choice").isEmpty();
      assertThat(net.storageKeys()).as("storage keys before any choice").isEmpty();
      assertThat(driver.findElements(By.cssSelector("iframe")))
          .as("no iframe before consent")
          .isEmpty();
      assertThat(driver.findElement(By.cssSelector(".story h1")).isDisplayed()).isTrue();
      assertThat(driver.findElement(By.cssSelector("html")).getAttribute("class"))
          .doesNotContain("disable--interaction");
      assertThat(driver.findElement(By.cssSelector(".ad-slot .house-promo")).isDisplayed())
          .as("house promotion fills the slot")
          .isTrue();

      driver.findElement(By.cssSelector("#cc-main .cm [data-role='all']")).click();
      Eventually.await(
          "requests to Google Analytics, AdSense and YouTube",
          WAIT,
          () -> net.requested("www.googletagmanager.com")
              && net.requested("pagead2.googlesyndication.com")
              && net.requested("www.youtube-nocookie.com"));
      assertThat(net.thirdPartyRequests())
          .anyMatch(u -> u.contains("gtag/js?id=G-BYLINEDEMO"))
          .anyMatch(u -> u.contains("adsbygoogle.js?client=ca-pub-0000000000000000"))
          .anyMatch(u -> u.startsWith("https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"));
      assertThat(js(driver, "return window.bylineConsent.allowed('personalised-advertising')"))
          .isEqualTo(true);
      assertThat(js(driver, "return window.adsbygoogle.requestNonPersonalizedAds"))
          .isEqualTo(0L);
      assertThat(consentUpdates(driver))
          .last()
          .asString()
          .contains("analytics_storage=granted")
          .contains("ad_personalization=granted");
      var consentId = consentId(driver);
      awaitRecord(consentId, "accept-all");
      assertThat(net.cookieNames()).containsExactly("byline_consent");

      // Pretend the tags ran and stored their cookies and keys, then withdraw from the footer.
      js(
          driver,
          "document.cookie='_ga=GA1.1.1.1;path=/'; document.cookie='_ga_BYLINEDEMO=GS1.1;path=/';"
              + "document.cookie='__gads=ID=1;path=/'; localStorage.setItem('byline.pref.topics','[1]');"
              + "window.beforeWithdrawal = true;");
      driver
          .findElement(By.cssSelector("footer [data-footer-action='consent-settings']"))
          .click();
      waitFor(driver, "#cc-main .pm");
      driver.findElement(By.cssSelector("#cc-main .pm [data-role='necessary']")).click();
      Eventually.await(
          "a reload after withdrawal",
          WAIT,
          () -> js(
                  driver,
                  "return window.beforeWithdrawal === undefined && document.readyState === 'complete'")
              .equals(true));
      awaitRecord(consentId, "reject-all");
      assertThat(net.cookieNames())
          .as("the tags' cookies are deleted")
          .containsExactly("byline_consent");
      assertThat(net.storageKeys()).as("preference storage is deleted").isEmpty();

      net.clear();
      driver.get(site.url(article));
      waitFor(driver, ".story h1");
      assertThat(js(driver, "return window.bylineConsent.allowed('analytics')")).isEqualTo(false);
      assertThat(bannerShown(driver)).isFalse();
      assertThat(net.thirdPartyRequests()).as("requests after withdrawal").isEmpty();
    } finally {
      driver.quit();
    }
  }

  @Test
  void
      reject_all_keeps_every_third_party_away_across_pages_and_a_browser_restart_and_a_forged_cookie_counts_as_no_choice() {
    var profile = dir.resolve("profile-reject");
    var driver = Browser.open(profile, true);
    String consentId;
    try {
      var net = new NetworkLog(driver);
      driver.get(site.url("/"));
      waitForBanner(driver);
      // A forged choice (not from this banner: no valid consent id) must not switch anything on.
      js(
          driver,
          "document.cookie = 'byline_consent=' + encodeURIComponent(JSON.stringify({categories:['necessary','analytics',"
              + "'advertising','personalised-advertising','media'],revision:1,consentId:'forged',consentTimestamp:new Date().toISOString(),"
              + "lastConsentTimestamp:new Date().toISOString(),services:{analytics:['google-analytics']}})) + ';path=/'");
      driver.get(site.url(article));
      waitForBanner(driver);
      assertThat(js(driver, "return window.bylineConsent.allowed('analytics')")).isEqualTo(false);
      // A real choice made under an older policy revision asks again, saying the policy changed.
      setChoice(driver, 0, 1);
      driver.navigate().refresh();
      waitForBanner(driver);
      assertThat(driver.findElement(By.cssSelector("#cc-main .cm")).getText())
          .contains("Our cookie policy has changed");
      assertThat(js(driver, "return window.bylineConsent.allowed('analytics')")).isEqualTo(false);
      // A choice older than the expiry (182 days in the demo) asks again too.
      setChoice(driver, 1, 200);
      driver.navigate().refresh();
      waitForBanner(driver);
      assertThat(js(driver, "return window.bylineConsent.allowed('analytics')")).isEqualTo(false);
      driver.navigate().refresh();
      waitForBanner(driver);
      js(driver, "document.cookie = 'byline_consent=%7Bnot json;path=/'");
      driver.navigate().refresh();
      waitForBanner(driver);
      assertThat(net.thirdPartyRequests())
          .as("requests with forged or malformed cookies")
          .isEmpty();
      assertThat(net.cookieNames()).as("the forged cookie is removed").isEmpty();

      driver.findElement(By.cssSelector("#cc-main .cm [data-role='necessary']")).click();
      Eventually.await("the banner to close", WAIT, () -> !bannerShown(driver));
      consentId = consentId(driver);
      awaitRecord(consentId, "reject-all");
      assertThat(consentUpdates(driver))
          .last()
          .asString()
          .contains("analytics_storage=denied")
          .contains("ad_storage=denied");
      driver.get(site.url("/"));
      waitFor(driver, "main");
      driver.get(site.url(article));
      waitFor(driver, ".story h1");
      assertThat(bannerShown(driver)).isFalse();
      assertThat(net.thirdPartyRequests()).as("requests after Reject all").isEmpty();
      assertThat(net.cookieNames()).containsExactly("byline_consent");
      assertThat(net.storageKeys()).isEmpty();
    } finally {
      driver.quit();
    }

    var again = Browser.open(profile, true);
    try {
      var net = new NetworkLog(again);
      again.get(site.url(article));
      waitFor(again, ".story h1");
      Eventually.await(
          "the consent script",
          WAIT,
          () -> js(again, "return !!window.bylineConsent").equals(true));
      assertThat(bannerShown(again)).as("the banner after a browser restart").isFalse();
      assertThat(consentId(again)).isEqualTo(consentId);
      assertThat(js(again, "return window.bylineConsent.allowed('media')")).isEqualTo(false);
      assertThat(consentUpdates(again))
          .as("Consent Mode is updated on every page with a stored choice")
          .hasSize(1)
          .first()
          .asString()
          .contains("analytics_storage=denied");
      assertThat(net.thirdPartyRequests())
          .as("requests after a browser restart")
          .isEmpty();

      // The cookie policy's button reopens the choices.
      again.get(site.url("/cookies"));
      waitFor(again, "[data-consent-open]");
      Eventually.await(
          "the consent script",
          WAIT,
          () -> js(again, "return !!window.bylineConsent").equals(true));
      again.findElement(By.cssSelector("[data-consent-open]")).click();
      waitFor(again, "#cc-main .pm");
      assertThat(again.findElements(By.cssSelector("#cc-main .pm input.section__toggle")).stream()
              .filter(t -> t.isSelected() && t.isEnabled())
              .toList())
          .as("the stored refusal shows as all off")
          .isEmpty();
      again.findElement(By.cssSelector("#cc-main .pm .pm__close-btn")).click();
      again.get(site.url(article));
      waitFor(again, ".story h1");

      // Without media consent the video loads only after its own button is pressed.
      var play = again.findElement(By.cssSelector("[data-video-play]"));
      assertThat(play.getText()).contains("YouTube");
      new Actions(again).scrollToElement(play).perform();
      play.click();
      Eventually.await(
          "the YouTube player after the click",
          WAIT,
          () -> net.requested("www.youtube-nocookie.com"));
      assertThat(again.findElement(By.cssSelector(".video-facade iframe")).getAttribute("src"))
          .startsWith("https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ");
      assertThat(net.thirdPartyRequests())
          .allMatch(u -> u.contains("youtube") || u.contains("ytimg") || u.contains("google"));
      assertThat(net.requested("googletagmanager.com")).isFalse();
      assertThat(net.requested("googlesyndication.com")).isFalse();
    } finally {
      again.quit();
    }
  }

  @Test
  void
      the_banner_offers_three_equal_choices_by_keyboard_and_customise_gives_unticked_toggles_for_every_category_and_company() {
    var driver = Browser.open(dir.resolve("profile-custom"), true);
    try {
      var net = new NetworkLog(driver);
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1024, 700));
      driver.get(site.url(article));
      waitForBanner(driver);
      var buttons = List.of("all", "necessary", "show").stream()
          .map(
              role -> driver.findElement(By.cssSelector("#cc-main .cm [data-role='" + role + "']")))
          .toList();
      assertThat(buttons)
          .extracting(WebElement::getText)
          .containsExactly("Accept all", "Reject all", "Customise");
      assertThat(buttons)
          .extracting(b -> b.getSize())
          .as("same size")
          .containsOnly(buttons.get(0).getSize());
      for (var property : List.of(
          "background-color",
          "color",
          "font-size",
          "font-weight",
          "border-top-color",
          "border-top-width",
          "padding-top")) {
        assertThat(buttons)
            .extracting(b -> b.getCssValue(property))
            .as("same " + property)
            .containsOnly(buttons.get(0).getCssValue(property));
      }
      assertThat(driver.findElement(By.cssSelector("#cc-main .cm")).getAttribute("aria-modal"))
          .isEqualTo("false");
      assertThat(driver
              .findElement(By.cssSelector("#cc-main .cm a[href='/cookies']"))
              .isDisplayed())
          .isTrue();
      var axe = new AxeBuilder()
          .include(List.of("#cc-main"))
          .withTags(Accessibility.WCAG22_AA)
          .analyze(driver);
      assertThat(axe.getViolations()).as("WCAG 2.2 A/AA problems in the banner").isEmpty();

      // Keyboard only: the banner takes focus, Tab reaches Customise, Enter opens it, Escape comes
      // back.
      Eventually.await(
          "focus inside the banner",
          WAIT,
          () -> js(driver, "return !!document.activeElement.closest('#cc-main .cm')")
              .equals(true));
      var reached = false;
      for (int i = 0; i < 4 && !reached; i++) {
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        reached = "show".equals(driver.switchTo().activeElement().getAttribute("data-role"));
      }
      assertThat(reached).as("Customise within three Tabs").isTrue();
      driver.switchTo().activeElement().sendKeys(Keys.ENTER);
      waitFor(driver, "#cc-main .pm");
      Eventually.await(
          "focus inside the settings dialog",
          WAIT,
          () -> js(driver, "return !!document.activeElement.closest('#cc-main .pm')")
              .equals(true));
      driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
      Eventually.await(
          "focus back on Customise",
          WAIT,
          () -> "show".equals(driver.switchTo().activeElement().getAttribute("data-role")));
      assertThat(bannerShown(driver)).as("leaving the settings is not a choice").isTrue();
      driver.switchTo().activeElement().sendKeys(Keys.ENTER);
      waitFor(driver, "#cc-main .pm");

      Browser.screenshot(driver, "consent-settings");
      var toggles = driver.findElements(By.cssSelector("#cc-main .pm input.section__toggle"));
      assertThat(toggles)
          .extracting(t -> t.getAttribute("value"))
          .contains(
              "preferences",
              "analytics",
              "advertising",
              "personalised-advertising",
              "media",
              "google-analytics",
              "adsense",
              "adsense-personalised",
              "youtube");
      assertThat(toggles.stream().filter(t -> t.isSelected() && t.isEnabled()).toList())
          .as("pre-ticked optional toggles")
          .isEmpty();
      var text = driver.findElement(By.cssSelector("#cc-main .pm")).getAttribute("textContent");
      assertThat(text)
          .contains(
              "Google Analytics",
              "Google AdSense",
              "YouTube",
              "Google Ireland Limited",
              "cookie policy");
      axe = new AxeBuilder()
          .include(List.of("#cc-main .pm"))
          .withTags(Accessibility.WCAG22_AA)
          .analyze(driver);
      assertThat(axe.getViolations())
          .as("WCAG 2.2 A/AA problems in the settings dialog")
          .isEmpty();

      // Advertising without personalisation: non-personalised AdSense, nothing else.
      js(
          driver,
          "document.querySelector('#cc-main .pm input.section__toggle[value=advertising]:not([data-category])').click()");
      driver.findElement(By.cssSelector("#cc-main .pm [data-role='save']")).click();
      Eventually.await(
          "the AdSense script", WAIT, () -> net.requested("pagead2.googlesyndication.com"));
      assertThat(js(driver, "return window.adsbygoogle.requestNonPersonalizedAds"))
          .isEqualTo(1L);
      assertThat(consentUpdates(driver))
          .last()
          .asString()
          .contains("ad_storage=granted")
          .contains("ad_personalization=denied")
          .contains("analytics_storage=denied");
      assertThat(net.requested("googletagmanager.com")).isFalse();
      assertThat(net.requested("youtube-nocookie.com")).isFalse();
      // Slots far below the screen are filled only as the reader scrolls towards them.
      var slots = driver.findElements(By.cssSelector(".ad-slot"));
      assertThat(slots).hasSize(2);
      assertThat(driver.findElements(By.cssSelector(".ad-slot ins.adsbygoogle")))
          .as("slots filled before scrolling")
          .isEmpty();
      for (var slot : slots) {
        js(driver, "arguments[0].scrollIntoView({block: 'center'})", slot);
        Eventually.await(
            "an ad request in the slot",
            WAIT,
            () -> !slot.findElements(By.cssSelector("ins.adsbygoogle")).isEmpty());
      }
      assertThat(driver.findElement(By.cssSelector(".ad-300x250 .ad-box")).getSize())
          .isEqualTo(new org.openqa.selenium.Dimension(300, 250));
      awaitRecord(consentId(driver), "custom");
      assertThat(Browser.consoleErrors(driver))
          .allMatch(e -> e.contains("ERR_NAME_NOT_RESOLVED") || e.contains("googlesyndication"));
    } finally {
      driver.quit();
    }
  }

  @Test
  void closing_the_banner_with_escape_counts_as_refusing_and_the_story_stays_readable() {
    var driver = Browser.open(dir.resolve("profile-escape"), true);
    try {
      var net = new NetworkLog(driver);
      driver.get(site.url(article));
      waitForBanner(driver);
      Eventually.await(
          "focus inside the banner",
          WAIT,
          () -> js(driver, "return !!document.activeElement.closest('#cc-main .cm')")
              .equals(true));
      driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
      Eventually.await("the banner to close", WAIT, () -> !bannerShown(driver));
      awaitRecord(consentId(driver), "reject-all");
      assertThat(js(driver, "return window.bylineConsent.categories()"))
          .isEqualTo(List.of("necessary"));
      assertThat(net.thirdPartyRequests()).isEmpty();
      assertThat(driver.findElement(By.cssSelector(".story-body")).getText())
          .contains("Orbital Harvest");
    } finally {
      driver.quit();
    }
  }

  /** Stores a well-formed choice of everything, as the banner would, under {@code revision}, made {@code daysAgo}. */
  private static void setChoice(ChromeDriver driver, int revision, int daysAgo) {
    js(
        driver,
        "var at = new Date(Date.now() - " + daysAgo + " * 864e5).toISOString();"
            + "document.cookie = 'byline_consent=' + encodeURIComponent(JSON.stringify({categories:['necessary','preferences','analytics',"
            + "'advertising','personalised-advertising','media'],revision:" + revision
            + ",data:null,consentId:'0b7e4a52-8a1c-4c1e-9f57-2d3b9c1a7e10',"
            + "consentTimestamp:at,lastConsentTimestamp:at,languageCode:'en',services:{necessary:['site'],preferences:['reader-preferences'],"
            + "analytics:['google-analytics'],advertising:['adsense'],'personalised-advertising':['adsense-personalised'],media:['youtube']}}))"
            + " + ';path=/'");
  }

  private void awaitRecord(String consentId, String action) {
    Eventually.await(
        "a " + action + " record for " + consentId,
        WAIT,
        () -> site.newsroom()
                .db()
                .jdbi()
                .withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM consent_record WHERE consent_id = :id AND action = :action")
                    .bind("id", consentId)
                    .bind("action", action)
                    .mapTo(Integer.class)
                    .one())
            > 0);
  }

  /** Each Consent Mode "update" pushed to the data layer, as "type=value" maps. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> consentUpdates(ChromeDriver driver) {
    return (List<Map<String, Object>>)
        js(
            driver,
            "return (window.dataLayer || []).filter(function (e) {"
                + " return e[0] === 'consent' && e[1] === 'update'; }).map(function (e) { return e[2]; })");
  }

  private static String consentId(ChromeDriver driver) {
    return (String) js(
        driver,
        "var m = document.cookie.match(/byline_consent=([^;]*)/);"
            + " return m ? JSON.parse(decodeURIComponent(m[1])).consentId : null;");
  }

  private static boolean bannerShown(ChromeDriver driver) {
    return !driver.findElements(By.cssSelector("html.show--consent")).isEmpty();
  }

  private static void waitForBanner(ChromeDriver driver) {
    Eventually.await(
        "the consent banner",
        WAIT,
        () -> bannerShown(driver)
            && !driver
                .findElements(By.cssSelector("#cc-main .cm [data-role='all']"))
                .isEmpty()
            && driver
                .findElement(By.cssSelector("#cc-main .cm [data-role='all']"))
                .isDisplayed());
  }

  private static void waitFor(ChromeDriver driver, String css) {
    Eventually.await(
        css,
        WAIT,
        () -> !driver.findElements(By.cssSelector(css)).isEmpty()
            && driver.findElement(By.cssSelector(css)).isDisplayed());
  }

  private static Object js(ChromeDriver driver, String script, Object... args) {
    return driver.executeScript(script, args);
  }
}
