package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.Newsroom;
import dev.byline.auth.Role;
import dev.byline.auth.User;
import dev.byline.content.RelatedArticles;
import dev.byline.site.ArticlePages;
import dev.byline.site.ErrorPages;
import dev.byline.site.PageCache;
import dev.byline.site.Site;
import dev.byline.testing.TestDatabases;
import dev.byline.web.Auth;
import dev.byline.web.SecurityHeaders;
import dev.byline.web.StaticAssets;
import dev.byline.web.Views;
import dev.byline.web.WebServer;
import dev.byline.wire.PictureResolver;
import dev.byline.wire.StoryState;
import dev.byline.wire.Wire;
import dev.byline.wire.WireDesk;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wire inbox over real HTTP. Sign-in belongs to the auth feature; here a stand-in
 * before-handler sets the request attributes of the {@link Auth} contract from a test header.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireInboxPagesTest {
  @TempDir static Path dir;
  Newsroom newsroom;
  Wire wire;
  WebServer server;
  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  void start() {
    newsroom = Newsroom.open(TestDatabases.sqlite(dir, Map.of("wire.sources", "reuters,ap",
        "wire.source.reuters.rule.1", "politics -> world, topic Politics, publish")), Clock.systemUTC());
    newsroom.sections().ensure("world", "World", "", 1);
    wire = newsroom.wire();
    var assets = StaticAssets.load();
    var views = new Views();
    var site = new Site(newsroom.config(), views, new PageCache(1 << 20), newsroom.sections(), assets);
    var pages = new ArticlePages(site, newsroom.articles(), RelatedArticles.NONE);
    var signIn = (dev.byline.web.Routes) r -> r.before(ctx -> {
      var who = ctx.header("X-Test-Role");
      if (who != null) {
        ctx.attribute(Auth.USER_ATTRIBUTE, new User(1, "ed@example.org", "Edna Editor", Role.parse(who)));
        ctx.attribute(Auth.CSRF_ATTRIBUTE, "test-csrf-token");
      }
    });
    server = WebServer.create(SecurityHeaders.strict(false), new ErrorPages(site),
        List.of(signIn, assets, new WireInboxPages(wire, pages, views, assets, Clock.systemUTC()), pages)).start("127.0.0.1", 0);
    ingest("reuters", "{\"uri\":\"urn:r:1\",\"type\":\"text\",\"version\":\"1\",\"versioncreated\":\"2026-03-01T10:00:00Z\","
        + "\"headline\":\"Dockers strike over pay\",\"body_html\":\"<p>Work stopped at dawn.</p>\",\"byline\":\"Sam Stone\","
        + "\"copyrightnotice\":\"(c) Reuters 2026\",\"usageterms\":\"No archival use\"}");
    ingest("ap", "{\"uri\":\"urn:ap:1\",\"type\":\"text\",\"version\":\"1\",\"versioncreated\":\"2026-03-01T10:00:00Z\","
        + "\"headline\":\"Snow closes mountain pass\",\"body_text\":\"Drivers turned back.\"}");
    ingest("ap", "{\"uri\":\"urn:ap:2\",\"type\":\"text\",\"version\":\"1\",\"versioncreated\":\"2026-03-01T10:00:00Z\","
        + "\"headline\":\"Museum finds lost painting\",\"body_text\":\"In a cellar.\"}");
  }

  void ingest(String source, String json) {
    var read = wire.ingest().read(wire.source(source, newsroom.config()), "t.json", json.getBytes(StandardCharsets.UTF_8),
        PictureResolver.Beside.NONE);
    wire.ingest().ingest(read.items(), WireDesk.Options.NONE);
  }

  @AfterAll
  void stop() {
    server.close();
    newsroom.close();
  }

  HttpResponse<String> get(String path, String role) throws Exception {
    var req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (role != null) req.header("X-Test-Role", role);
    return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path) throws Exception {
    var req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).header("X-Test-Role", "editor")
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("csrf=test-csrf-token"));
    return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  long id(String source, String guid) {
    return wire.store().story(source, guid).orElseThrow().id();
  }

  @Test
  void signed_out_readers_are_sent_to_sign_in_and_writers_are_refused() throws Exception {
    var r = get("/admin/wire", null);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("/admin/login?next=");
    assertThat(get("/admin/wire", "writer").statusCode()).isEqualTo(403);
  }

  @Test
  void the_inbox_lists_stories_and_filters_by_source_status_time_and_text() throws Exception {
    var all = get("/admin/wire", "editor");
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body()).contains("Wire inbox", "Dockers strike over pay", "Snow closes mountain pass", "Museum finds lost painting",
        "politics → world, topic Politics, publish at once");
    var ap = get("/admin/wire?source=ap", "editor").body();
    assertThat(ap).contains("Snow closes mountain pass").doesNotContain("Dockers strike over pay");
    var text = get("/admin/wire?q=PAINTING", "editor").body();
    assertThat(text).contains("Museum finds lost painting").doesNotContain("Snow closes mountain pass");
    ingest("ap", "{\"uri\":\"urn:ap:9\",\"type\":\"text\",\"version\":\"1\",\"versioncreated\":\"2026-03-01T10:00:00Z\","
        + "\"headline\":\"Tide turns at the estuary\",\"body_text\":\"Slowly.\"}");
    var recent = get("/admin/wire?since=hour&state=new", "editor").body();
    assertThat(recent).contains("Tide turns at the estuary");
    assertThat(get("/admin/wire?state=scheduled", "editor").body()).contains("No stories match.");
    assertThat(get("/admin/wire?state=bogus", "editor").statusCode()).isEqualTo(400);
  }

  @Test
  void a_story_shows_its_fields_and_previews_with_the_real_article_template_without_storing_anything() throws Exception {
    long id = id("reuters", "urn:r:1");
    var page = get("/admin/wire/" + id, "editor").body();
    assertThat(page).contains("Dockers strike over pay", "urn:r:1", "Sam Stone", "(c) Reuters 2026", "No archival use",
        "name=\"csrf\" value=\"test-csrf-token\"", "Publish as is", "Edit, then publish", "Ignore");
    int before = newsroom.articles().countPublished();
    var preview = get("/admin/wire/" + id + "/preview", "editor");
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body()).contains("<article class=\"story\">", "<h1>Dockers strike over pay</h1>", "Source: Reuters",
        "Work stopped at dawn.");
    assertThat(newsroom.articles().countPublished()).isEqualTo(before);
    assertThat(wire.store().story(id).orElseThrow().articleId()).isNull();
  }

  @Test
  void editors_publish_as_is_make_a_draft_or_ignore() throws Exception {
    long snow = id("ap", "urn:ap:1");
    var published = post("/admin/wire/" + snow + "/publish");
    assertThat(published.statusCode()).isEqualTo(303);
    var story = wire.store().story(snow).orElseThrow();
    assertThat(story.state()).isEqualTo(StoryState.PUBLISHED);
    var article = newsroom.articles().byId(story.articleId()).orElseThrow();
    assertThat(article.isPublished()).isTrue();
    assertThat(article.source().name()).isEqualTo("AP");
    assertThat(get("/admin/wire/" + snow, "editor").body()).contains("View the article").doesNotContain("Publish as is");

    long museum = id("ap", "urn:ap:2");
    var drafted = post("/admin/wire/" + museum + "/draft");
    assertThat(drafted.statusCode()).isEqualTo(303);
    var draft = wire.store().story(museum).orElseThrow();
    assertThat(draft.state()).isEqualTo(StoryState.DRAFT);
    assertThat(drafted.headers().firstValue("Location").orElseThrow()).isEqualTo("/admin/articles/" + draft.articleId() + "/edit");
    assertThat(newsroom.articles().byId(draft.articleId()).orElseThrow().isPublished()).isFalse();

    long dockers = id("reuters", "urn:r:1");
    assertThat(post("/admin/wire/" + dockers + "/ignore").statusCode()).isEqualTo(303);
    assertThat(wire.store().story(dockers).orElseThrow().state()).isEqualTo(StoryState.IGNORED);
  }
}
