package dev.byline.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.consent.UserAgentHash;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.testing.TestSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consent and ads over real HTTP on a configured site: pages carry every third-party tag inert,
 * the same bytes for every reader; the inline Consent Mode defaults are allowed by their CSP hash;
 * the record endpoint takes only well-formed, same-origin, small choices; the cookie policy and
 * ads.txt come from configuration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentHttpTest {
  static final String UA = "Mozilla/5.0 (X11; Linux x86_64) ConsentHttpTest";

  @TempDir
  static Path dir;

  TestSite site;
  String article;

  @BeforeAll
  void start() throws Exception {
    site = TestSite.start(
        dir.resolve("site"),
        Map.ofEntries(
            Map.entry("consent.ga4.id", "G-TEST123456"),
            Map.entry("consent.revision", "3"),
            Map.entry(
                "consent.google.regions",
                "US-CA,US-VA: analytics_storage; BR: analytics_storage, ad_storage"),
            Map.entry("ads.adsense.client", "ca-pub-1234567890123456"),
            Map.entry("ads.slots", "top,lower"),
            Map.entry("ads.slot.top.id", "1111111111"),
            Map.entry("ads.slot.lower.id", "2222222222"),
            Map.entry("ads.slot.lower.size", "responsive"),
            Map.entry(
                "ads.txt.lines", "example-exchange.com, 12345, RESELLER; contact=ads@example.org"),
            Map.entry("ads.house.text", "Get the morning briefing"),
            Map.entry("language", "en-GB")));
    var newsroom = site.newsroom();
    var section = newsroom.sections().ensure("world", "World", "", 0);
    var body = new ArrayList<Block>();
    for (int i = 1; i <= 8; i++) {
      body.add(Block.Paragraph.ofText("Paragraph " + i + " of the story about the harbour."));
      if (i == 2)
        body.add(new Block.Embed(
            "youtube", "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "Harbour at dawn"));
    }
    long id = newsroom
        .articles()
        .create(ArticleDraft.of(
            "Harbour reopens after storm", "Ships are moving again.", section.id(), body));
    newsroom.articles().publish(id);
    article = newsroom.articles().byId(id).orElseThrow().path();
  }

  @AfterAll
  void stop() {
    site.close();
  }

  @Test
  void
      every_third_party_tag_is_inert_and_the_consent_mode_defaults_come_first_allowed_by_their_csp_hash()
          throws Exception {
    var r = site.get(article);
    assertThat(r.statusCode()).isEqualTo(200);
    var html = r.body();
    var inline = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
    assertThat(inline.find()).as("an inline Consent Mode script").isTrue();
    var script = inline.group(1);
    assertThat(script)
        .contains(
            "'ad_storage':'denied'",
            "'ad_user_data':'denied'",
            "'ad_personalization':'denied'",
            "'analytics_storage':'denied'",
            "'functionality_storage':'denied'",
            "'personalization_storage':'denied'",
            "'security_storage':'granted'",
            "'wait_for_update':500",
            "'region':['US-CA','US-VA']",
            "'region':['BR']");
    assertThat(inline.find()).as("only one inline script").isFalse();
    var hash = "'sha256-"
        + Base64.getEncoder()
            .encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(script.getBytes(StandardCharsets.UTF_8)))
        + "'";
    var csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("script-src 'self' " + hash).doesNotContain("unsafe-inline");
    assertThat(csp)
        .contains("https://www.googletagmanager.com", "https://pagead2.googlesyndication.com")
        .containsPattern("frame-src [^;]*https://www.youtube-nocookie.com");
    assertThat(html.indexOf("<script>"))
        .as("defaults before any other script")
        .isLessThan(html.indexOf("<script src="));
    var again = site.get(article);
    assertThat(again.headers().firstValue("Content-Security-Policy"))
        .as("the same policy on a cache hit")
        .hasValue(csp);
    assertThat(again.body()).isEqualTo(html);

    // No live third-party script, frame or image anywhere in the page.
    assertThat(html).doesNotContainPattern("<script[^>]* src=\"https?://");
    assertThat(html).doesNotContain("<iframe").doesNotContainPattern("<img[^>]* src=\"https?://");
    assertThat(html)
        .contains(
            "<script type=\"text/plain\" data-category=\"analytics\" data-service=\"google-analytics\" async "
                + "data-src=\"https://www.googletagmanager.com/gtag/js?id=G-TEST123456\">");
    assertThat(html)
        .contains(
            "<script type=\"text/plain\" data-category=\"advertising\" data-service=\"adsense\"")
        .contains(
            "data-src=\"https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=ca-pub-1234567890123456\"");
    // The settings are a versioned script of their own, before the library and the glue.
    var scripts = Pattern.compile("<script src=\"(/static/[^\"]+)\" defer>")
        .matcher(html)
        .results()
        .map(m -> m.group(1))
        .toList();
    assertThat(scripts)
        .extracting(u -> u.replaceFirst("\\?v=.*", ""))
        .containsSubsequence(
            "/static/consent-settings-en.js", "/static/cookieconsent.umd.js", "/static/consent.js");
    var settings = site.get(
        scripts.stream().filter(u -> u.contains("consent-settings")).findFirst().orElseThrow());
    assertThat(settings.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
    assertThat(settings.body())
        .startsWith("window.bylineConsentSettings={\"revision\":3,")
        .contains(
            "\"ga4\":\"G-TEST123456\"",
            "\"adsense\":\"ca-pub-1234567890123456\"",
            "Accept all",
            "Reject all",
            "Customise",
            "Google Analytics",
            "YouTube")
        .doesNotContain("<");
    assertThat(html)
        .contains("data-embed-src=\"https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ\"")
        .contains("Play video <span class=\"video-play-note\">(loads it from YouTube)</span>");
  }

  @Test
  void
      ad_slots_reserve_their_size_between_paragraphs_with_the_house_promotion_until_advertising_is_allowed() {
    var html = site.get(article).body();
    assertThat(html)
        .contains(
            "<aside class=\"ad-slot ad-300x250\" aria-label=\"Advertisement\" data-ad-name=\"top\" data-ad-unit=\"1111111111\"");
    assertThat(html)
        .contains(
            "<aside class=\"ad-slot ad-responsive\" aria-label=\"Advertisement\" data-ad-name=\"lower\" data-ad-unit=\"2222222222\"");
    assertThat(html).contains("<a class=\"house-promo\" href=\"/\">Get the morning briefing</a>");
    var body = html.substring(html.indexOf("<div class=\"story-body\">"));
    assertThat(body.indexOf("data-ad-name=\"top\""))
        .isBetween(body.indexOf("Paragraph 2 "), body.indexOf("Paragraph 3 "));
    assertThat(body.indexOf("data-ad-name=\"lower\""))
        .isBetween(body.indexOf("Paragraph 6 "), body.indexOf("Paragraph 7 "));
    assertThat(html).doesNotContain("<ins");
  }

  @Test
  void pages_are_the_same_bytes_whatever_consent_cookie_the_reader_sends() {
    var cookie = "byline_consent="
        + java.net.URLEncoder.encode(
            "{\"categories\":[\"necessary\",\"analytics\"]}", StandardCharsets.UTF_8);
    for (var path : List.of("/", article, "/cookies", "/world")) {
      var plain = site.getBytes(path).body();
      var withChoice = site.getBytes(path, "Cookie", cookie).body();
      assertThat(withChoice).as(path).isEqualTo(plain);
      assertThat(new String(plain, StandardCharsets.UTF_8))
          .as("footer link on " + path)
          .contains(
              "<a href=\"/cookies#settings\" data-footer-action=\"consent-settings\">Cookie settings</a>");
    }
  }

  @Test
  void
      a_valid_choice_is_recorded_with_a_truncated_address_and_a_hashed_user_agent_never_the_raw_ip() {
    var id = UUID.randomUUID();
    var r = post(
        choice(id, "custom", Map.of("analytics", true), Map.of("google-analytics", true)),
        "Origin",
        site.url(""));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    var row = site.newsroom()
        .db()
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT * FROM consent_record WHERE consent_id = :id")
            .bind("id", id.toString())
            .mapToMap()
            .one());
    assertThat(row)
        .containsEntry("policy_revision", 3)
        .containsEntry("action", "custom")
        .containsEntry("language", "en-GB")
        .containsEntry("ip_prefix", "127.0.0.0/24")
        .containsEntry("user_agent_hash", UserAgentHash.of(UA));
    assertThat(row.get("categories").toString())
        .contains("\"analytics\":true", "\"advertising\":false", "\"necessary\":true");
    assertThat(row.get("services").toString())
        .contains("\"google-analytics\":true", "\"youtube\":false");
    assertThat(row.values()).noneMatch(v -> String.valueOf(v).contains("127.0.0.1"));

    var sameOriginByFetchMetadata = post(
        choice(UUID.randomUUID(), "reject-all", Map.of(), Map.of()),
        "Sec-Fetch-Site",
        "same-origin");
    assertThat(sameOriginByFetchMetadata.statusCode()).isEqualTo(204);
  }

  @Test
  void bad_consent_records_are_refused_with_the_problem_named() {
    var ok = choice(UUID.randomUUID(), "custom", Map.of(), Map.of());
    var origin = new String[] {"Origin", site.url("")};
    assertThat(post(ok, "Origin", "https://evil.example").statusCode())
        .as("foreign origin")
        .isEqualTo(403);
    assertThat(post(ok).statusCode()).as("no origin at all").isEqualTo(403);
    assertThat(post(ok, "Origin", site.url(""), "Sec-Fetch-Site", "cross-site").statusCode())
        .isEqualTo(204);
    var asForm =
        site.post("/consent/records", "application/x-www-form-urlencoded", "consentId=x", origin);
    assertThat(asForm.statusCode()).as("a form post").isEqualTo(415);
    var huge = ok.replace("\"language\"", "\"padding\":\"" + "x".repeat(5000) + "\",\"language\"");
    assertThat(post(huge, origin).statusCode()).as("over 4 KB").isEqualTo(413);

    var cases = Map.of(
        "{not json",
        "body is not JSON",
        "[]",
        "body must be a JSON object",
        ok.replace("\"custom\"", "\"accept-all\""),
        "action is accept-all but not everything is accepted",
        ok.replace("\"revision\":3", "\"revision\":4"),
        "revision must be between 1",
        ok.replace("\"consentId\":\"", "\"consentId\":\"X"),
        "consentId must be a lower-case UUID",
        ok.replace("\"necessary\":true", "\"necessary\":false"),
        "must keep \\\"necessary\\\" on",
        ok.replace("\"media\":false", "\"media\":false,\"tracking\":true"),
        "unknown category \\\"tracking\\\"",
        ok.replace("\"youtube\":false", "\"youtube\":true"),
        "turns \\\"youtube\\\" on while its category \\\"media\\\" is off",
        ok.replace("{\"consentId\"", "{\"extra\":1,\"consentId\""),
        "extra is not a known field",
        ok.replace("\"language\":\"en-GB\"", "\"language\":\"<script>\""),
        "language is not a language tag");
    cases.forEach((body, message) -> {
      var r = post(body, origin);
      assertThat(r.statusCode()).as(body).isEqualTo(400);
      assertThat(r.body()).as(body).contains(message);
    });
    var duplicate = ok.replace("{\"consentId\"", "{\"action\":\"reject-all\",\"consentId\"");
    assertThat(post(duplicate, origin).statusCode()).as("a duplicated field").isEqualTo(400);
  }

  @Test
  void the_cookie_policy_lists_every_configured_service_with_its_provider_cookies_and_lifetimes() {
    var r = site.get("/cookies");
    assertThat(r.statusCode()).isEqualTo(200);
    var html = r.body();
    assertThat(html)
        .contains(
            "<h1>Cookies and similar technologies</h1>",
            "data-consent-open",
            "revision 3 of the policy",
            "We ask again after 6 months");
    assertThat(html)
        .contains(
            "Google Analytics",
            "G-TEST123456",
            "<code>_ga</code>",
            "<code>_ga_TEST123456</code>",
            "2 years",
            "Google AdSense",
            "ca-pub-1234567890123456",
            "<code>__gads</code>",
            "13 months",
            "YouTube",
            "youtube-nocookie.com",
            "<code>VISITOR_INFO1_LIVE</code>",
            "Google Ireland Limited",
            "https://policies.google.com/privacy",
            "<code>byline_consent</code>",
            "182 days",
            "Personalised advertising",
            "Off unless you agree.");
    assertThat(html).contains("id=\"settings\"");
  }

  @Test
  void ads_txt_is_served_from_configuration() {
    var r = site.get("/ads.txt");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    assertThat(r.body())
        .contains(
            "google.com, pub-1234567890123456, DIRECT, f08c47fec0942fa0\n",
            "example-exchange.com, 12345, RESELLER\n",
            "contact=ads@example.org\n");
  }

  @Test
  void a_network_that_sends_too_many_records_is_told_to_wait() {
    try (var small = TestSite.start(
        dir.resolve("limited"),
        Map.of("consent.records.burst", "2", "consent.records.refill.seconds", "600"))) {
      var body = "{\"consentId\":\"" + UUID.randomUUID()
          + "\",\"revision\":1,\"action\":\"reject-all\",\"categories\":"
          + "{\"necessary\":true,\"preferences\":false,\"media\":false},\"services\":{\"site\":true,"
          + "\"reader-preferences\":false,\"youtube\":false},\"language\":\"en\"}";
      var statuses = new ArrayList<Integer>();
      java.net.http.HttpResponse<String> last = null;
      for (int i = 0; i < 3; i++) {
        last = small.post("/consent/records", "application/json", body, "Origin", small.url(""));
        statuses.add(last.statusCode());
      }
      assertThat(statuses).containsExactly(204, 204, 429);
      assertThat(last.headers().firstValue("Retry-After")).hasValue("600");
      assertThat(last.body()).contains("too many consent records");
      assertThat(small.get("/ads.txt").statusCode())
          .as("no ads configured, no ads.txt")
          .isEqualTo(404);
      assertThat(small.get("/").body())
          .as("no Google tag, no inline script")
          .doesNotContain("<script>")
          .doesNotContain("googletagmanager")
          .contains("Cookie settings");
    }
  }

  @Test
  void the_consent_admin_page_asks_for_a_signed_in_administrator() {
    var r = site.get("/admin/consent");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("/admin/login");
    assertThat(site.get("/admin/consent/records.csv").statusCode()).isEqualTo(303);
  }

  private java.net.http.HttpResponse<String> post(String body, String... headers) {
    var all = new ArrayList<String>(List.of("User-Agent", UA));
    all.addAll(List.of(headers));
    return site.post("/consent/records", "application/json", body, all.toArray(String[]::new));
  }

  /** A complete choice for this site's policy, every answer false unless given. */
  static String choice(
      UUID id, String action, Map<String, Boolean> categories, Map<String, Boolean> services) {
    var cats = new StringBuilder();
    for (var c : List.of(
        "necessary",
        "preferences",
        "analytics",
        "advertising",
        "personalised-advertising",
        "media")) {
      if (cats.length() > 0) cats.append(',');
      cats.append('"')
          .append(c)
          .append("\":")
          .append(c.equals("necessary") || categories.getOrDefault(c, false));
    }
    var svcs = new StringBuilder();
    for (var s : List.of(
        "site",
        "reader-preferences",
        "google-analytics",
        "adsense",
        "adsense-personalised",
        "youtube")) {
      if (svcs.length() > 0) svcs.append(',');
      svcs.append('"')
          .append(s)
          .append("\":")
          .append(s.equals("site") || services.getOrDefault(s, false));
    }
    return "{\"consentId\":\"" + id + "\",\"revision\":3,\"action\":\"" + action
        + "\",\"categories\":{" + cats + "},\"services\":{" + svcs + "},\"language\":\"en-GB\"}";
  }
}
