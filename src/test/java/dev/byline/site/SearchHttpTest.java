package dev.byline.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.testing.Eventually;
import dev.byline.testing.TestSite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The search page and the search box's autocomplete, over real HTTP on the demo newsroom. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchHttpTest {
  @TempDir
  static Path dir;

  TestSite site;

  @BeforeAll
  void start() throws Exception {
    site = TestSite.demo(dir);
    var index = site.byline().searchIndex();
    assertThat(index.awaitPosition(site.newsroom().feed().head(), 60_000))
        .as("search index ready")
        .isTrue();
  }

  @AfterAll
  void stop() {
    site.close();
  }

  /** The page's text with highlighting removed, for matching phrases across {@code <mark>}. */
  String plain(String path) {
    return site.get(path).body().replace("<mark>", "").replace("</mark>", "");
  }

  String search(String query) {
    return "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  @Test
  void a_word_from_a_headline_finds_the_story_with_the_match_highlighted() {
    var r = site.get(search("dockworkers"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains(
            "<mark>Dockworkers</mark>", "href=\"/world/veloria-dockworkers-reach-tentative-deal");
    assertThat(r.body()).containsPattern("\\d+ results? for “dockworkers”");
    // The first page of plain results may be indexed, under its own address; filtered, sorted,
    // later and empty result pages may not.
    assertThat(r.body())
        .doesNotContain("<meta name=\"robots\"")
        .containsPattern(
            "<link rel=\"canonical\" href=\"https?://[^\"/]+/search\\?q=dockworkers\">");
    for (var notIndexed : List.of(
        search("dockworkers") + "&sort=newest",
        search("dockworkers") + "&section=world",
        search("zzqxv nothing matches this"),
        "/search")) {
      assertThat(site.get(notIndexed).body())
          .as(notIndexed)
          .contains("<meta name=\"robots\" content=\"noindex\">");
    }
  }

  @Test
  void english_analysis_matches_other_forms_of_a_word() {
    assertThat(plain(search("strikes"))).contains("port strike");
  }

  @Test
  void a_quoted_phrase_matches_only_those_words_together() {
    var phrase = plain(search("\"Storm Bertil\""));
    assertThat(phrase).contains("Storm Bertil brings snow");
    assertThat(phrase).doesNotContain("Orbital Harvest lifts off");
  }

  @Test
  void a_star_searches_for_the_start_of_a_word() {
    var body = site.get(search("Vestergaa*")).body();
    assertThat(body).doesNotContain("0 results");
    assertThat(body).contains("port");
  }

  @Test
  void filters_narrow_by_section_topic_and_date_and_newest_first_sorts_by_date() {
    var all = site.get(search("Norreland")).body();
    var politics = site.get(search("Norreland") + "&section=politics").body();
    assertThat(politics).contains("href=\"/politics/");
    assertThat(politics).doesNotContain("href=\"/science/");
    assertThat(all).contains("href=\"/science/");

    var topic = site.get(search("") + "&topic=storm-bertil");
    assertThat(topic.statusCode()).isEqualTo(200);
    assertThat(topic.body()).contains("Topic: <strong>Storm Bertil</strong>", "3 results");

    var future = site.get(search("Norreland") + "&from=2999-01-01").body();
    assertThat(future).contains("0 results");

    var newest = site.get(search("Norreland") + "&sort=newest").body();
    var times = java.util.regex.Pattern.compile("<time datetime=\"([^\"]+)\">")
        .matcher(newest)
        .results()
        .map(m -> m.group(1))
        .toList();
    assertThat(times).hasSizeGreaterThan(2);
    assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void results_come_in_pages_of_ten_with_links_between_them() {
    var first = site.get("/search?q=veloria&sort=newest").body();
    assertThat(first)
        .contains("rel=\"next\" href=\"/search?q=veloria&amp;sort=newest&amp;page=2\"");
    var second = site.get("/search?q=veloria&sort=newest&page=2");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).contains("rel=\"prev\"", "<ol class=\"results\" start=\"11\">");
  }

  @Test
  void a_misspelled_search_that_finds_nothing_suggests_a_spelling_that_does() {
    var body = site.get(search("dockwrokers")).body();
    assertThat(body)
        .contains("0 results", "Did you mean <a href=\"/search?q=dockworkers\">dockworkers</a>?");
  }

  @Test
  void odd_and_hostile_searches_never_fail_with_a_server_error() {
    for (var q : List.of(
        "\"unbalanced quote",
        "-",
        "|",
        "+",
        "*",
        "*ing",
        "AND",
        "OR OR",
        "((",
        ")",
        "\\",
        "~2",
        "\"",
        "a\"b\"c\"",
        "port~",
        "-port",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "%00",
        "ünïcödé 港口",
        "*:*",
        "field:value",
        "[a TO z]",
        "?",
        "\uD83D\uDE00")) {
      var r = site.get(search(q));
      assertThat(r.statusCode()).as("search for %s", q).isEqualTo(200);
      assertThat(r.body()).doesNotContain("<script>alert(1)</script>");
    }
    assertThat(site.get(search("x".repeat(301))).statusCode()).isEqualTo(400);
    assertThat(site.get(search("x".repeat(301))).body()).contains("at most 300");
    assertThat(site.get(search("word ".repeat(2_000))).statusCode()).isEqualTo(414);
    assertThat(site.get("/search?q=port&from=yesterday").body())
        .contains("from must be a date like 2024-03-01");
    assertThat(site.get("/search?q=port&from=yesterday").statusCode()).isEqualTo(400);
    assertThat(site.get("/search?q=port&sort=random").statusCode()).isEqualTo(400);
    assertThat(site.get("/search?q=port&page=0").statusCode()).isEqualTo(400);
    assertThat(site.get("/search?q=port&page=51").statusCode()).isEqualTo(400);
    assertThat(site.get("/search?q=port&section=nowhere").statusCode()).isEqualTo(400);
    assertThat(site.get("/search?q=port&topic=..%2F..").statusCode()).isEqualTo(400);
    assertThat(site.get("/search?q=port&from=2024-03-05&to=2024-03-01").statusCode())
        .isEqualTo(400);
    assertThat(site.get("/search?q=a%01b").statusCode()).isEqualTo(400);
    assertThat(site.rawStatus("/search?q=%E0%A4")).isEqualTo(400);
  }

  @Test
  void a_search_with_nothing_searchable_says_so() {
    var body = site.get(search("-")).body();
    assertThat(body).contains("There were no words to search for");
  }

  @Test
  void autocomplete_offers_headlines_and_topics_as_json() throws Exception {
    var r = site.get("/search/suggest?q=orbital%20har");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    assertThat(json.get("topics").toString())
        .contains("\"name\":\"Orbital Harvest\"", "\"url\":\"/topic/orbital-harvest\"");
    assertThat(json.get("headlines")).isNotEmpty();
    assertThat(json.get("headlines").get(0).get("url").asText()).startsWith("/science/");
    assertThat(site.get("/search/suggest?q=").body()).contains("\"headlines\":[]");
    assertThat(site.get("/search/suggest?q=" + "y".repeat(400)).statusCode()).isEqualTo(400);
  }

  @Test
  void every_page_loads_the_autocomplete_script_from_this_site() {
    var home = site.get("/").body();
    assertThat(home)
        .containsPattern("<script src=\"/static/search.js\\?v=[0-9a-f]+\" defer></script>");
    assertThat(site.get("/static/search.js").statusCode()).isEqualTo(200);
  }

  @Test
  void a_published_story_is_searchable_within_a_second() {
    var before = site.get(search("zanzibarite")).body();
    assertThat(before).contains("0 results");
    var articles = site.newsroom().articles();
    var section = site.newsroom().sections().bySlug("world").orElseThrow();
    long id = articles.create(ArticleDraft.of(
        "Zanzibarite mineral found in harbour dredging",
        "A rare find.",
        section.id(),
        List.of(
            Block.Paragraph.ofText("Divers found a zanzibarite seam."),
            Block.Paragraph.ofText("Geologists are pleased."))));
    long started = System.nanoTime();
    articles.publish(id);
    Eventually.await(
        "the new story in search results",
        Duration.ofSeconds(10),
        () -> plain(search("zanzibarite")).contains("Zanzibarite mineral found"));
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("published story searchable after %d ms%n", millis);
    assertThat(millis).as("milliseconds from publishing to searchable").isLessThan(1_000);
    articles.unpublish(id);
    Eventually.await(
        "the unpublished story gone from search",
        Duration.ofSeconds(1),
        () -> plain(search("zanzibarite")).contains("0 results"));
  }
}
