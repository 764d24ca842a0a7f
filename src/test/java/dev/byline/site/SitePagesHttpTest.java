package dev.byline.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.testing.TestSite;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The reader site over real HTTP, on the demo newsroom. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SitePagesHttpTest {
  @TempDir
  static Path dir;

  TestSite site;

  @BeforeAll
  void start() {
    site = TestSite.demo(dir);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  String firstArticlePath() {
    var m = Pattern.compile("<h2 class=\"lead-headline\"><a href=\"([^\"]+)\"")
        .matcher(site.get("/").body());
    assertThat(m.find()).as("front page has a lead story").isTrue();
    return m.group(1);
  }

  @Test
  void front_page_shows_lead_sections_and_latest_with_metadata() {
    var r = site.get("/");
    assertThat(r.statusCode()).isEqualTo(200);
    var html = r.body();
    assertThat(html).startsWith("<!doctype html>").contains("<html lang=\"en\" dir=\"ltr\">");
    assertThat(html).contains("class=\"lead\"", "Latest", "href=\"/world\"", "href=\"/culture\"");
    assertThat(html)
        .contains("<link rel=\"canonical\" href=\"" + site.byline().config().baseUrl() + "/\">");
    assertThat(html).contains("\"@type\":\"NewsMediaOrganization\"");
  }

  @Test
  void article_page_has_semantic_markup_figure_credit_and_news_article_json_ld() {
    var path = firstArticlePath();
    var html = site.get(path).body();
    assertThat(html)
        .contains("<article class=\"story\"", "<header class=\"story-header\">", "<h1>");
    assertThat(html).containsPattern("<time datetime=\"\\d{4}-\\d\\d-\\d\\dT[0-9:]+Z\">");
    assertThat(html)
        .containsPattern(
            "<figure class=\"photo\">\\s*<img src=\"/media/[^\"]+\" srcset=\"[^\"]+ 320w, [^\"]+ 640w");
    assertThat(html)
        .containsPattern(
            "<figcaption><span class=\"caption\">[^<]+</span> <span class=\"credit\">[^<]+/[^<]+</span></figcaption>");
    assertThat(html).containsPattern("width=\"\\d+\" height=\"\\d+\"");
    assertThat(html)
        .contains(
            "\"@type\":\"NewsArticle\"",
            "\"datePublished\"",
            "\"dateModified\"",
            "\"publisher\"",
            "\"articleSection\"",
            "\"@type\":\"BreadcrumbList\"");
    assertThat(html)
        .contains(
            "<meta property=\"og:type\" content=\"article\">",
            "<meta name=\"twitter:card\" content=\"summary_large_image\">");
    assertThat(html).contains("Source: ");
  }

  @Test
  void cached_page_has_strong_etag_and_answers_304_and_precompressed_gzip() throws Exception {
    var path = firstArticlePath();
    var plain = site.get(path);
    var etag = plain.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).matches("\"[A-Za-z0-9_-]+\"");
    assertThat(plain.headers().firstValue("Cache-Control").orElseThrow())
        .contains("public", "max-age=");
    assertThat(plain.headers().firstValue("Surrogate-Key").orElseThrow())
        .contains("article:", "section:");
    assertThat(site.get(path, "If-None-Match", etag).statusCode()).isEqualTo(304);

    var gz = site.getBytes(path, "Accept-Encoding", "gzip");
    assertThat(gz.headers().firstValue("Content-Encoding")).contains("gzip");
    var unzipped = new String(
        new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes(),
        StandardCharsets.UTF_8);
    assertThat(unzipped).isEqualTo(plain.body());
    var gzEtag = gz.headers().firstValue("ETag").orElseThrow();
    assertThat(gzEtag).isNotEqualTo(etag);
    assertThat(
            site.get(path, "Accept-Encoding", "gzip", "If-None-Match", gzEtag).statusCode())
        .isEqualTo(304);
  }

  @Test
  void the_demo_covers_one_story_live_with_timed_posts_key_points_and_live_blog_json_ld() {
    var path =
        "/politics/norrelands-quill-opens-coalition-talks-with-rural-league-and-green-coast-party";
    var page = site.get(path);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("\"@type\":\"LiveBlogPosting\"", "liveBlogUpdate", "coverageStartTime")
        .contains("Talks adjourn for the day with a joint statement")
        .contains("<li class=\"live-post pinned key-point\"");
    var posts = Pattern.compile("<li class=\"live-post[\" ]")
        .matcher(page.body())
        .results()
        .count();
    assertThat(posts).isEqualTo(5);
    // Posted over the day, not all at the moment of seeding.
    var times = Pattern.compile("<a href=\"#post-\\d+\"><time datetime=\"([^\"]+)\"")
        .matcher(page.body())
        .results()
        .map(r -> r.group(1))
        .distinct()
        .count();
    assertThat(times).isGreaterThanOrEqualTo(5);
  }

  @Test
  void section_topic_and_author_pages_list_stories_with_pagination() {
    var section = site.get("/world");
    assertThat(section.statusCode()).isEqualTo(200);
    assertThat(section.body()).contains("<h1>World</h1>", "class=\"teaser\"");
    var topicPath = find(site.get(firstArticlePath()).body(), "href=\"(/topic/[a-z0-9-]+)\"");
    assertThat(site.get(topicPath).body()).contains("class=\"teaser\"", "Topic · ");
    var authorPath = find(site.get(firstArticlePath()).body(), "href=\"(/author/[a-z0-9-]+)\"");
    assertThat(site.get(authorPath).body()).contains("class=\"teaser\"");
    assertThat(site.get("/world?page=999").statusCode()).isEqualTo(404);
  }

  @Test
  void publishing_a_story_purges_the_front_page_and_its_section() {
    var before = site.get("/");
    var etag = before.headers().firstValue("ETag").orElseThrow();
    var newsroom = site.newsroom();
    var world = newsroom.sections().bySlug("world").orElseThrow();
    long id = newsroom
        .articles()
        .create(ArticleDraft.of(
            "Harbour pilots vote to join the Veloria strike",
            "A late development.",
            world.id(),
            List.of(Block.Paragraph.ofText("Pilots voted on Tuesday."))));
    newsroom.articles().publish(id);
    assertThat(site.get("/").body()).contains("Harbour pilots vote to join the Veloria strike");
    assertThat(site.get("/", "If-None-Match", etag).statusCode()).isEqualTo(200);
    assertThat(site.get("/world").body())
        .contains("Harbour pilots vote to join the Veloria strike");
  }

  @Test
  void unpublished_story_answers_410_and_changed_slug_redirects_301() {
    var newsroom = site.newsroom();
    var sport = newsroom.sections().bySlug("sport").orElseThrow();
    long id = newsroom
        .articles()
        .create(ArticleDraft.of(
            "Rowing club names new coach",
            "",
            sport.id(),
            List.of(Block.Paragraph.ofText("The club said so."))));
    newsroom.articles().publish(id);
    assertThat(site.get("/sport/rowing-club-names-new-coach").statusCode()).isEqualTo(200);

    var article = newsroom.articles().byId(id).orElseThrow();
    var draft = new ArticleDraft(
        "rowing-club-appoints-coach",
        article.headline(),
        "",
        "",
        article.source(),
        sport.id(),
        List.of(),
        List.of(),
        null,
        article.body(),
        "",
        "",
        "");
    newsroom.articles().update(id, article.version(), draft);
    // Read your own writes: this node's cache is purged before the write returns.
    assertThat(site.get("/sport/rowing-club-names-new-coach").statusCode()).isEqualTo(301);
    assertThat(site.get("/sport/rowing-club-names-new-coach")
            .headers()
            .firstValue("Location")
            .orElseThrow())
        .endsWith("/sport/rowing-club-appoints-coach");
    assertThat(site.get("/world/rowing-club-appoints-coach").statusCode()).isEqualTo(301);

    newsroom.articles().unpublish(id);
    assertThat(site.get("/sport/rowing-club-appoints-coach").statusCode()).isEqualTo(410);
    assertThat(site.get("/sport/rowing-club-appoints-coach").body())
        .contains("This story has been removed");
  }

  @Test
  void a_cache_hit_served_by_the_fast_path_sends_the_same_headers_and_bytes_as_the_render() {
    site.byline().pageCache().clear();
    var path = "/culture";
    var miss = site.get(path, "Accept-Encoding", "identity");
    long renders = site.byline().pageCache().renderCount();
    var hit = site.get(path, "Accept-Encoding", "identity");
    assertThat(site.byline().pageCache().renderCount())
        .as("second request is a hit")
        .isEqualTo(renders);
    assertThat(hit.body()).isEqualTo(miss.body());
    for (var name : List.of(
        "Content-Security-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "X-Frame-Options",
        "ETag",
        "Cache-Control",
        "Surrogate-Key",
        "Cache-Tag",
        "Last-Modified",
        "Vary")) {
      assertThat(hit.headers().firstValue(name))
          .as(name)
          .isEqualTo(miss.headers().firstValue(name))
          .isPresent();
    }
    assertThat(hit.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    var notModified =
        site.get(path, "If-None-Match", hit.headers().firstValue("ETag").orElseThrow());
    assertThat(notModified.statusCode()).isEqualTo(304);
    assertThat(notModified.headers().firstValue("Content-Security-Policy")).isPresent();
  }

  @Test
  void every_response_carries_security_headers_without_unsafe_inline_scripts() {
    for (var path : List.of(
        "/", firstArticlePath(), "/no-such-section", "/static/site.css", "/world?page=abc")) {
      var r = site.get(path);
      var csp = r.headers()
          .firstValue("Content-Security-Policy")
          .orElseThrow(() -> new AssertionError("no CSP on " + path));
      assertThat(csp)
          .contains("frame-ancestors 'none'")
          .contains("script-src 'self'")
          .doesNotContain("unsafe-inline");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(r.headers().firstValue("Referrer-Policy")).isPresent();
    }
  }

  @Test
  void unknown_paths_get_a_404_page_not_a_stack_trace() {
    for (var path : List.of(
        "/no-such-section",
        "/world/no-such-story",
        "/topic/nobody",
        "/author/nobody",
        "/a/b/c/d")) {
      var r = site.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(r.body())
          .as(path)
          .contains("Page not found")
          .doesNotContain("Exception")
          .doesNotContain("at dev.byline");
    }
  }

  @Test
  void hostile_requests_get_a_4xx_never_a_500() {
    assertThat(site.get("/world?page=abc").statusCode()).isEqualTo(400);
    assertThat(site.get("/world?page=-1").statusCode()).isEqualTo(400);
    assertThat(site.rawStatus("/world?page=%ZZ")).isBetween(400, 499);
    assertThat(site.rawStatus("/world/%ZZ")).isBetween(400, 499);
    assertThat(site.rawStatus("/../../etc/passwd")).isBetween(400, 499);
    assertThat(site.rawStatus("/media/ab/../../byline.db")).isBetween(400, 499);
    assertThat(site.rawStatus("/world?page=\u00ff\u00fe")).isBetween(400, 499);
    assertThat(site.get("/media/..%2f..%2fbyline.db").statusCode()).isBetween(400, 499);
    assertThat(site.get("/media/ab/..%2F..%2Fbyline.db").statusCode()).isBetween(400, 499);
    assertThat(site.get("/static/..%2fapplication.properties").statusCode()).isBetween(400, 499);
    assertThat(site.rawStatus("/%c0%ae%c0%ae/")).isBetween(400, 499);
    assertThat(site.get("/world?q=" + "a".repeat(20_000)).statusCode()).isBetween(400, 499);
    assertThat(site.get("/", "X-Huge", "x".repeat(40_000)).statusCode()).isBetween(400, 499);
    assertThat(site.get("/" + "x".repeat(300)).statusCode()).isEqualTo(404);
    var media = find(site.get(firstArticlePath()).body(), "src=\"(/media/[^\"]+)\"");
    var original = media.replaceAll("-w\\d+", "");
    assertThat(site.get(original).statusCode()).as("originals are never served").isEqualTo(404);
  }

  @Test
  void concurrent_requests_for_a_missing_page_render_it_once() throws Exception {
    var path = "/science";
    site.byline().pageCache().clear();
    long before = site.byline().pageCache().renderCount();
    var threads = new java.util.ArrayList<Thread>();
    var statuses = new java.util.concurrent.ConcurrentLinkedQueue<Integer>();
    for (int i = 0; i < 16; i++) {
      var t = new Thread(() -> statuses.add(site.get(path).statusCode()));
      threads.add(t);
    }
    threads.forEach(Thread::start);
    for (var t : threads) t.join();
    assertThat(statuses).hasSize(16).containsOnly(200);
    assertThat(site.byline().pageCache().renderCount() - before).isEqualTo(1);
  }

  private static String find(String html, String regex) {
    var m = Pattern.compile(regex).matcher(html);
    assertThat(m.find()).as("pattern " + regex).isTrue();
    return m.group(1);
  }
}
