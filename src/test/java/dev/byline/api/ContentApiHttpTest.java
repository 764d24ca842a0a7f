package dev.byline.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.testing.TestSite;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The Content API over real HTTP: what it lists, how it pages, caches, shares and refuses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentApiHttpTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String APP = "https://app.example.org";

  @TempDir
  static Path dir;

  TestSite site;
  ApiNewsroom news;

  @BeforeAll
  void start() throws Exception {
    site = TestSite.start(
        dir, Map.of("api.cors.origins", APP, "api.rate.anonymous.per.minute", "100000"));
    news = new ApiNewsroom(site.newsroom());
    assertThat(site.byline().searchIndex().awaitPosition(site.newsroom().feed().head(), 60_000))
        .isTrue();
  }

  @AfterAll
  void stop() {
    site.close();
  }

  JsonNode json(HttpResponse<String> r) throws Exception {
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    return JSON.readTree(r.body());
  }

  JsonNode ok(String path) throws Exception {
    var r = site.get(path);
    assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
    return json(r);
  }

  /** Every article id of a list, following cursors to the end. */
  List<Long> allIds(String path) throws Exception {
    var ids = new ArrayList<Long>();
    String cursor = null;
    for (int pages = 0; pages < 100; pages++) {
      var sep = path.contains("?") ? "&" : "?";
      var page = ok(path + (cursor == null ? "" : sep + "cursor=" + cursor));
      page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
      if (page.get("next_cursor").isNull()) return ids;
      cursor = page.get("next_cursor").asText();
    }
    throw new AssertionError("more than 100 pages");
  }

  static List<String> texts(JsonNode items, String field) {
    var out = new ArrayList<String>();
    items.forEach(i -> out.add(i.get(field).asText()));
    return out;
  }

  @Test
  void drafts_stories_in_review_scheduled_and_unpublished_never_appear_anywhere() throws Exception {
    var listed = allIds("/api/v1/articles?limit=3");
    assertThat(listed).containsExactlyInAnyOrderElementsOf(news.published);
    for (long id : news.hidden) {
      var r = site.get("/api/v1/articles/" + id);
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(json(r).get("error").asText()).contains("no published article");
    }
    var everything = new StringBuilder();
    for (var path : List.of(
        "/api/v1/articles?limit=100",
        "/api/v1/sections",
        "/api/v1/topics?limit=100",
        "/api/v1/authors?limit=100",
        "/api/v1/search?q=" + enc("Zanzibarite"),
        "/api/v1/search?q=" + enc("Quiet Merger"),
        "/api/v1/articles?limit=100&updated_since=2000-01-01"))
      everything.append(site.get(path).body());
    assertThat(everything.toString())
        .doesNotContain("Zanzibarite", "Quiet Merger", "Hidden Writer", "quiet-merger");
    assertThat(ok("/api/v1/search?q=" + enc("Zanzibarite")).get("items")).isEmpty();
    assertThat(texts(ok("/api/v1/topics").get("items"), "name")).containsExactly("Harbour");
    assertThat(texts(ok("/api/v1/authors").get("items"), "name"))
        .containsExactly("Ana Vestergaard");
  }

  @Test
  void pages_continue_where_they_ended_when_stories_are_published_in_between() throws Exception {
    var first = ok("/api/v1/articles?limit=2");
    var seen = new ArrayList<Long>();
    first.get("items").forEach(i -> seen.add(i.get("id").asLong()));
    long fresh = ApiNewsroom.publish(
        site.newsroom(),
        ApiNewsroom.draft("Breaking while paging", news.world, List.of(), List.of()));
    try {
      var cursor = first.get("next_cursor").asText();
      while (cursor != null) {
        var page = ok("/api/v1/articles?limit=2&cursor=" + cursor);
        page.get("items").forEach(i -> seen.add(i.get("id").asLong()));
        cursor =
            page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
      }
      assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(news.published);
      assertThat(allIds("/api/v1/articles?limit=2")).startsWith(fresh);
    } finally {
      site.newsroom().articles().unpublish(fresh);
    }
  }

  @Test
  void filters_narrow_to_a_section_topic_author_or_recent_change() throws Exception {
    var world = allIds("/api/v1/articles?section=world");
    assertThat(world).hasSize(4).allSatisfy(id -> assertThat(news.published).contains(id));
    for (var item : ok("/api/v1/articles?section=world").get("items"))
      assertThat(item.get("section").get("slug").asText()).isEqualTo("world");
    assertThat(allIds("/api/v1/articles?topic=harbour")).hasSize(3);
    assertThat(allIds("/api/v1/articles?author=ana-vestergaard")).hasSize(2);
    assertThat(allIds("/api/v1/articles?updated_since=2999-01-01T00:00:00Z")).isEmpty();
    assertThat(allIds("/api/v1/articles?updated_since=2000-01-01")).hasSize(news.published.size());
    var one = ok("/api/v1/articles/" + news.published.get(2));
    assertThat(one.get("headline").asText()).isEqualTo("Published story 3 about tides");
    assertThat(one.get("topics").get(0).get("slug").asText()).isEqualTo("harbour");
    assertThat(one.get("authors").get(0).get("name").asText()).isEqualTo("Ana Vestergaard");
    assertThat(one.get("body_text").asText()).contains("Body of Published story 3");
    assertThat(one.get("url").asText()).isEqualTo(site.url("/world/published-story-3-about-tides"));
  }

  @Test
  void an_unchanged_answer_is_not_sent_again() throws Exception {
    for (var path : List.of("/api/v1/articles", "/api/v1/articles/" + news.published.get(0))) {
      var r = site.get(path);
      var tag = r.headers().firstValue("ETag").orElseThrow();
      var again = site.get(path, "If-None-Match", tag);
      assertThat(again.statusCode()).isEqualTo(304);
      assertThat(again.body()).isEmpty();
      assertThat(site.get(path, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void a_configured_origin_may_read_from_a_browser_and_others_may_not() throws Exception {
    var r = site.get("/api/v1/sections", "Origin", APP);
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    assertThat(r.headers().firstValue("Access-Control-Expose-Headers").orElse(""))
        .contains("ETag");
    var other = site.get("/api/v1/sections", "Origin", "https://evil.example.net");
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    var preflight = site.send(
        HttpRequest.newBuilder(URI.create(site.url("/api/v1/articles")))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
        new String[] {"Origin", APP, "Access-Control-Request-Method", "GET"},
        HttpResponse.BodyHandlers.ofString());
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
        .contains("Authorization");
  }

  @Test
  void bad_parameters_answer_400_in_json_naming_the_parameter() throws Exception {
    var cases = Map.of(
        "/api/v1/articles?limit=0",
        "limit",
        "/api/v1/articles?limit=abc",
        "limit",
        "/api/v1/articles?cursor=not-a-cursor",
        "cursor",
        "/api/v1/articles?cursor=" + enc("dDE6NQ"),
        "cursor",
        "/api/v1/articles?updated_since=yesterday",
        "updated_since",
        "/api/v1/articles?section=no-such-section",
        "section",
        "/api/v1/articles/abc",
        "id",
        "/api/v1/search?q=",
        "q",
        "/api/v1/search?q=" + enc("x".repeat(400)),
        "q",
        "/api/v1/topics?cursor=" + enc("YTE6MTox"),
        "cursor");
    for (var c : cases.entrySet()) {
      var r = site.get(c.getKey());
      assertThat(r.statusCode()).as(c.getKey()).isEqualTo(400);
      assertThat(json(r).get("field").asText()).as(c.getKey()).isEqualTo(c.getValue());
    }
    var unknown = site.get("/api/v1/nothing-here");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).get("error").asText()).contains("openapi.json");
  }

  @Test
  void a_wrong_key_is_refused_rather_than_read_as_no_key() throws Exception {
    var r = site.get("/api/v1/articles", "Authorization", "Bearer byl_not-a-real-key");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(json(r).get("error").asText()).contains("API key");
  }

  @Test
  void live_coverage_lists_its_posts_in_reading_order_and_hides_what_readers_cannot_see()
      throws Exception {
    var article = ok("/api/v1/articles/" + news.covered);
    var liveUrl = article.get("live_coverage").asText();
    assertThat(liveUrl).endsWith("/api/v1/articles/" + news.covered + "/live");
    assertThat(
            ok("/api/v1/articles/" + news.published.get(1)).get("live_coverage").isNull())
        .isTrue();

    var live = ok(URI.create(liveUrl).getPath());
    assertThat(live.get("live").asBoolean()).isTrue();
    assertThat(live.get("article_id").asLong()).isEqualTo(news.covered);
    assertThat(texts(live.get("posts"), "body_text"))
        .containsExactly("The harbour gates are closing.", "First tide readings are in.");
    var pinned = live.get("posts").get(0);
    assertThat(pinned.get("pinned").asBoolean()).isTrue();
    assertThat(pinned.get("key_point").asBoolean()).isTrue();
    assertThat(pinned.get("url").asText()).contains("#post-");
    assertThat(pinned.get("body").get(0).get("type").asText()).isEqualTo("paragraph");
    assertThat(site.get("/api/v1/articles/" + news.covered + "/live").body())
        .doesNotContain("Zanzibarite");

    for (var hidden : news.hidden) {
      var r = site.get("/api/v1/articles/" + hidden + "/live");
      assertThat(r.statusCode()).as("coverage of unpublished " + hidden).isEqualTo(404);
      assertThat(r.body()).doesNotContain("Zanzibarite");
    }
    var none = site.get("/api/v1/articles/" + news.published.get(1) + "/live");
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(json(none).get("error").asText()).contains("no live coverage");
  }

  @Test
  void search_finds_published_words() throws Exception {
    var found = ok("/api/v1/search?q=tides");
    assertThat(found.get("items")).hasSize(7);
    assertThat(found.get("items").get(0).get("snippet_html").asText()).isNotEmpty();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static HashSet<Long> set(List<Long> ids) {
    return new HashSet<>(ids);
  }
}
