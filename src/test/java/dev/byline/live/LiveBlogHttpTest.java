package dev.byline.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.auth.Role;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.testing.AdminClient;
import dev.byline.testing.TestClock;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestSite;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live blogs over real HTTP: an editor starts coverage, posts, edits, pins and deletes, and ends
 * it with a summary; the article page, the JSON fragment readers poll, the structured data and
 * the post feed follow each step through the page cache.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveBlogHttpTest {
  static final String PASSWORD = "a long enough password";

  @TempDir
  static Path dir;

  final TestClock clock = new TestClock();
  final ObjectMapper json = new ObjectMapper();
  TestSite site;
  AdminClient editor;
  AdminClient writer;
  long sectionId;

  @BeforeAll
  void start() {
    site = TestSite.start(TestDatabases.sqlite(dir, Map.of("wire.sources", "ap")), clock);
    var users = site.byline().accounts().users();
    users.create("ed@example.org", "Eda Editor", Role.EDITOR, PASSWORD, false);
    users.create("wr@example.org", "Wim Writer", Role.WRITER, PASSWORD, false);
    sectionId = site.newsroom().sections().ensure("world", "World", "", 1).id();
    editor = new AdminClient(site).signIn("ed@example.org", PASSWORD);
    writer = new AdminClient(site).signIn("wr@example.org", PASSWORD);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  long publishedStory(String headline) {
    var articles = site.newsroom().articles();
    long id = articles.create(ArticleDraft.of(
        headline, "What is happening.", sectionId, List.of(Block.Paragraph.ofText("Intro."))));
    articles.publish(id);
    return id;
  }

  String path(long id) {
    return site.newsroom().articles().byId(id).orElseThrow().path();
  }

  HttpResponse<String> act(long id, String action, Map<String, String> fields) {
    editor.get("/admin/articles/" + id + "/live");
    return editor.postForm("/admin/articles/" + id + "/live" + action, fields);
  }

  long post(long id, String text, boolean keyPoint, boolean pinned) {
    var fields = new java.util.LinkedHashMap<String, String>();
    fields.put("post", text);
    if (keyPoint) fields.put("key-point", "on");
    if (pinned) fields.put("pinned", "on");
    var r = act(id, "/posts", fields);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    clock.advance(Duration.ofMinutes(1));
    return site.newsroom().live().posts(id, false).get(0).id();
  }

  JsonNode fragment(long id) {
    var r = site.get("/live/" + id);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    try {
      return json.readTree(r.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  List<Long> ids(JsonNode fragment) {
    var out = new ArrayList<Long>();
    fragment.get("ids").forEach(n -> out.add(n.asLong()));
    return out;
  }

  JsonNode liveBlogPosting(String page) throws Exception {
    var m = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
        .matcher(page);
    while (m.find()) {
      var node = json.readTree(m.group(1));
      if (node.path("@type").asText().equals("LiveBlogPosting")) return node;
    }
    throw new AssertionError("no LiveBlogPosting in the page");
  }

  @Test
  void posts_appear_in_the_page_the_fragment_and_the_feed_and_edits_pins_and_deletes_follow()
      throws Exception {
    long id = publishedStory("Storm reaches the coast");
    assertThat(site.get(path(id)).body()).doesNotContain("data-live=");
    assertThat(site.get("/live/" + id).statusCode()).isEqualTo(404);

    assertThat(act(id, "/start", Map.of()).statusCode()).isEqualTo(303);
    long first = post(id, "Winds of **120 km/h** reported at the harbour.", true, false);
    long second = post(id, "> Stay indoors\n\nThe mayor's advice to residents.", false, false);
    long third =
        post(id, "Ferries cancelled until <script>alert(1)</script> further notice.", false, false);

    var page = site.get(path(id)).body();
    assertThat(page)
        .contains("data-live=\"/live/" + id + "\"")
        .contains("data-live-latest=\"" + third + "\"")
        .contains("<strong>120 km/h</strong>")
        .contains("<blockquote><p>Stay indoors</p>")
        .doesNotContain("<script>alert(1)</script>");
    assertThat(page.indexOf("post-" + third))
        .as("newest first")
        .isLessThan(page.indexOf("post-" + first));
    assertThat(page).contains("Key points").contains("href=\"#post-" + first + "\"");
    assertThat(ids(fragment(id))).containsExactly(third, second, first);

    var data = liveBlogPosting(page);
    assertThat(data.get("coverageStartTime").asText()).isNotEmpty();
    assertThat(data.has("coverageEndTime")).isFalse();
    assertThat(data.get("liveBlogUpdate")).hasSize(3);
    assertThat(data.get("liveBlogUpdate").get(0).get("@type").asText()).isEqualTo("BlogPosting");
    assertThat(data.get("liveBlogUpdate").get(0).get("url").asText()).endsWith("#post-" + third);

    var feed = site.get("/live/" + id + "/atom.xml");
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.body())
        .contains("120 km/h")
        .contains("Stay indoors")
        .contains("#post-" + second)
        .doesNotContain("alert(1)");
    assertThat(page).contains("/live/" + id + "/atom.xml");

    // Edit the first post: its text changes, the page and the fragment follow.
    var edited =
        act(id, "/posts/" + first, Map.of("post", "Winds of 140 km/h now.", "key-point", "on"));
    assertThat(edited.statusCode()).as(edited.body()).isEqualTo(303);
    assertThat(site.get(path(id)).body())
        .contains("Winds of 140 km/h now.")
        .doesNotContain("120 km/h");

    // Pin the oldest: it goes to the top.
    assertThat(act(id, "/posts/" + first + "/pin", Map.of("pinned", "1")).statusCode())
        .isEqualTo(303);
    assertThat(ids(fragment(id))).containsExactly(first, third, second);
    assertThat(fragment(id).get("html").asText()).contains("live-post pinned key-point");

    // Delete the second: gone from page, fragment, feed and structured data.
    assertThat(act(id, "/posts/" + second + "/delete", Map.of()).statusCode()).isEqualTo(303);
    assertThat(ids(fragment(id))).containsExactly(first, third);
    page = site.get(path(id)).body();
    assertThat(page).doesNotContain("Stay indoors");
    assertThat(liveBlogPosting(page).get("liveBlogUpdate")).hasSize(2);
    assertThat(site.get("/live/" + id + "/atom.xml").body()).doesNotContain("Stay indoors");

    var audit = site.byline().accounts().audit().about("article", id, 20).stream()
        .map(e -> e.action())
        .toList();
    assertThat(audit).contains("live.start", "live.post", "live.edit", "live.pin", "live.delete");
  }

  @Test
  void ended_coverage_shows_its_summary_and_end_time_and_takes_no_more_posts() throws Exception {
    long id = publishedStory("Election night");
    act(id, "/start", Map.of());
    post(id, "Polls have closed.", false, false);

    var empty = act(id, "/end", Map.of("summary", " "));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("The summary is empty.");

    var ended = act(id, "/end", Map.of("summary", "The governing party won a narrow majority."));
    assertThat(ended.statusCode()).isEqualTo(303);
    var page = site.get(path(id)).body();
    assertThat(page)
        .contains("Live coverage ended")
        .contains("The governing party won a narrow majority.")
        .doesNotContain("live-badge");
    var data = liveBlogPosting(page);
    assertThat(data.get("coverageEndTime").asText()).isNotEmpty();
    assertThat(fragment(id).get("live").asBoolean()).isFalse();

    var late = act(id, "/posts", Map.of("post", "One more thing."));
    assertThat(late.statusCode()).isEqualTo(400);
    assertThat(late.body()).contains("The coverage has ended.");
    assertThat(ids(fragment(id))).hasSize(1);
  }

  @Test
  void posting_needs_the_csrf_token_and_an_editor() {
    long id = publishedStory("Summit talks");
    act(id, "/start", Map.of());

    var noToken =
        editor.postRaw("/admin/articles/" + id + "/live/posts", Map.of("post", "Without a token."));
    assertThat(noToken.statusCode()).isEqualTo(403);

    writer.get("/admin/articles/" + id);
    var byWriter =
        writer.postForm("/admin/articles/" + id + "/live/posts", Map.of("post", "From a writer."));
    assertThat(byWriter.statusCode()).isEqualTo(403);
    assertThat(writer.get("/admin/articles/" + id + "/live").statusCode()).isEqualTo(403);

    var signedOut = site.get("/admin/articles/" + id + "/live");
    assertThat(signedOut.statusCode()).isIn(302, 303);

    assertThat(fragment(id).get("ids")).isEmpty();
    assertThat(site.get(path(id)).body())
        .doesNotContain("Without a token")
        .doesNotContain("From a writer");
  }

  @Test
  void the_fragment_is_cached_under_the_articles_key_and_revalidates_cheaply() {
    long id = publishedStory("Rail strike");
    act(id, "/start", Map.of());
    post(id, "Trains stopped at noon.", false, false);
    var r = site.get("/live/" + id);
    assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=5");
    // The posts' times follow the site settings' zone and language, so the chrome key too.
    assertThat(r.headers().firstValue("Surrogate-Key").orElseThrow().split(" "))
        .containsExactlyInAnyOrder("article:" + id, "chrome");
    var etag = r.headers().firstValue("ETag").orElseThrow();
    assertThat(site.get("/live/" + id, "If-None-Match", etag).statusCode()).isEqualTo(304);
    long before = site.byline().pageCache().renderCount();
    var hit = site.get("/live/" + id);
    assertThat(site.byline().pageCache().renderCount()).as("served from memory").isEqualTo(before);
    assertThat(hit.headers().firstValue("Cache-Control").orElseThrow())
        .as("the fast path keeps the fragment's own Cache-Control")
        .isEqualTo(dev.byline.site.LivePages.FRAGMENT_CACHE_CONTROL);
    assertThat(hit.body()).isEqualTo(r.body());

    post(id, "Talks resume tomorrow.", false, false);
    assertThat(site.get("/live/" + id, "If-None-Match", etag).statusCode())
        .as("a post purges the cached fragment")
        .isEqualTo(200);
  }

  @Test
  void a_wire_item_is_appended_as_a_post_from_its_story_page() {
    long id = publishedStory("Ceasefire talks");
    act(id, "/start", Map.of());
    var wire = site.newsroom().wire();
    var json = "{\"uri\":\"urn:ap:talks\",\"type\":\"text\",\"version\":\"2\","
        + "\"versioncreated\":\"2026-03-01T10:00:00Z\",\"headline\":\"Delegations return to the table\","
        + "\"body_html\":\"<p>Talks resumed at noon <script>x()</script>in Geneva.</p>\"}";
    var read = wire.ingest()
        .read(
            wire.source("ap", site.newsroom().config()),
            "t.json",
            json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            dev.byline.wire.PictureResolver.Beside.NONE);
    wire.ingest().ingest(read.items(), dev.byline.wire.WireDesk.Options.NONE);
    long story = wire.store().story("ap", "urn:ap:talks").orElseThrow().id();

    var page = editor.get("/admin/wire/" + story);
    assertThat(page.body()).contains("action=\"/admin/wire/" + story + "/live\"");
    var wrong = editor.postForm("/admin/wire/" + story + "/live", Map.of("article", "999999"));
    assertThat(wrong.statusCode()).isEqualTo(303);
    assertThat(wrong.headers().firstValue("Location").orElseThrow()).contains("error=");
    assertThat(ids(fragment(id))).isEmpty();

    editor.get("/admin/wire/" + story);
    var r = editor.postForm("/admin/wire/" + story + "/live", Map.of("article", Long.toString(id)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    var html = fragment(id).get("html").asText();
    assertThat(html)
        .contains("<strong>Delegations return to the table</strong>")
        .contains("Talks resumed at noon")
        .doesNotContain("<script>");
    assertThat(site.byline().accounts().audit().about("article", id, 5).get(0).detail())
        .contains("from wire story " + story);
  }

  @Test
  void a_draft_shows_no_live_fragment_to_readers() {
    long id = site.newsroom()
        .articles()
        .create(
            ArticleDraft.of("Not yet out", "", sectionId, List.of(Block.Paragraph.ofText("x"))));
    assertThat(act(id, "/start", Map.of()).statusCode()).isEqualTo(303);
    post(id, "A post before publication.", false, false);
    assertThat(site.get("/live/" + id).statusCode()).isEqualTo(404);
    assertThat(site.get("/live/" + id + "/atom.xml").statusCode()).isEqualTo(404);
  }
}
