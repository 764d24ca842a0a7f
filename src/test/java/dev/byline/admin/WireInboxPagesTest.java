package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.testing.AdminClient;
import dev.byline.testing.TestSite;
import dev.byline.wire.PictureResolver;
import dev.byline.wire.StoryState;
import dev.byline.wire.Wire;
import dev.byline.wire.WireDesk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The wire inbox in the running server, signed in through the real form, over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireInboxPagesTest {
  static final String PASSWORD = "correct horse battery staple 42";

  @TempDir
  static Path dir;

  TestSite site;
  Wire wire;
  AdminClient editor;

  @BeforeAll
  void start() {
    site = TestSite.start(
        dir,
        Map.of(
            "wire.sources",
            "reuters,ap",
            "wire.source.reuters.rule.1",
            "politics -> world, topic Politics, publish"));
    site.newsroom().sections().ensure("world", "World", "", 1);
    var users = site.byline().accounts().users();
    users.create("ed@example.org", "Edna Editor", Role.EDITOR, PASSWORD, false);
    users.create("wri@example.org", "Will Writer", Role.WRITER, PASSWORD, false);
    editor = new AdminClient(site).signIn("ed@example.org", PASSWORD);
    wire = site.newsroom().wire();
    ingest(
        "reuters",
        "{\"uri\":\"urn:r:1\",\"type\":\"text\",\"version\":\"1\",\"versioncreated\":\"2026-03-01T10:00:00Z\","
            + "\"headline\":\"Dockers strike over pay\",\"body_html\":\"<p>Work stopped at dawn.</p>\",\"byline\":\"Sam Stone\","
            + "\"copyrightnotice\":\"(c) Reuters 2026\",\"usageterms\":\"No archival use\"}");
    ingest(
        "ap",
        "{\"uri\":\"urn:ap:1\",\"type\":\"text\",\"version\":\"1\",\"versioncreated\":\"2026-03-01T10:00:00Z\","
            + "\"headline\":\"Snow closes mountain pass\",\"body_text\":\"Drivers turned back.\"}");
    ingest(
        "ap",
        "{\"uri\":\"urn:ap:2\",\"type\":\"text\",\"version\":\"1\",\"versioncreated\":\"2026-03-01T10:00:00Z\","
            + "\"headline\":\"Museum finds lost painting\",\"body_text\":\"In a cellar.\"}");
  }

  void ingest(String source, String json) {
    var read = wire.ingest()
        .read(
            wire.source(source, site.newsroom().config()),
            "t.json",
            json.getBytes(StandardCharsets.UTF_8),
            PictureResolver.Beside.NONE);
    wire.ingest().ingest(read.items(), WireDesk.Options.NONE);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  long id(String source, String guid) {
    return wire.store().story(source, guid).orElseThrow().id();
  }

  @Test
  void signed_out_readers_are_sent_to_sign_in_and_writers_are_refused() {
    var r = site.get("/admin/wire");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("/admin/login?next=");
    var writer = new AdminClient(site).signIn("wri@example.org", PASSWORD);
    assertThat(writer.get("/admin/wire").statusCode()).isEqualTo(403);
  }

  @Test
  void the_inbox_lists_stories_in_the_admin_layout_and_filters_by_source_status_time_and_text() {
    var all = editor.get("/admin/wire");
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body())
        .contains(
            "class=\"admin-nav\"",
            "href=\"/admin/wire\" aria-current=\"page\"",
            "Wire inbox",
            "Dockers strike over pay",
            "Snow closes mountain pass",
            "Museum finds lost painting",
            "politics → world, topic Politics, publish at once");
    var ap = editor.get("/admin/wire?source=ap").body();
    assertThat(ap).contains("Snow closes mountain pass").doesNotContain("Dockers strike over pay");
    var text = editor.get("/admin/wire?q=PAINTING").body();
    assertThat(text)
        .contains("Museum finds lost painting")
        .doesNotContain("Snow closes mountain pass");
    ingest(
        "ap",
        "{\"uri\":\"urn:ap:9\",\"type\":\"text\",\"version\":\"1\",\"versioncreated\":\"2026-03-01T10:00:00Z\","
            + "\"headline\":\"Tide turns at the estuary\",\"body_text\":\"Slowly.\"}");
    assertThat(editor.get("/admin/wire?since=hour&state=new").body())
        .contains("Tide turns at the estuary");
    assertThat(editor.get("/admin/wire?state=scheduled").body()).contains("No stories match.");
    assertThat(editor.get("/admin/wire?state=bogus").statusCode()).isEqualTo(400);
  }

  @Test
  void
      a_story_shows_its_fields_and_previews_with_the_real_article_template_without_storing_anything() {
    long id = id("reuters", "urn:r:1");
    var page = editor.get("/admin/wire/" + id).body();
    assertThat(page)
        .contains(
            "Dockers strike over pay",
            "urn:r:1",
            "Sam Stone",
            "(c) Reuters 2026",
            "No archival use",
            "name=\"csrf\" value=\"" + editor.csrf() + "\"",
            "Publish as is",
            "Edit, then publish",
            "Ignore");
    int before = site.newsroom().published().countPublished();
    var preview = editor.get("/admin/wire/" + id + "/preview");
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body())
        .contains(
            "<article class=\"story\"",
            "<h1>Dockers strike over pay</h1>",
            "Source: Reuters",
            "Work stopped at dawn.");
    assertThat(site.newsroom().published().countPublished()).isEqualTo(before);
    assertThat(wire.store().story(id).orElseThrow().articleId()).isNull();
  }

  @Test
  void editors_publish_as_is_make_a_draft_or_ignore_and_forms_without_the_csrf_token_are_refused() {
    long snow = id("ap", "urn:ap:1");
    editor.get("/admin/wire/" + snow);
    assertThat(editor.postRaw("/admin/wire/" + snow + "/publish", Map.of()).statusCode())
        .isEqualTo(403);
    var published = editor.postForm("/admin/wire/" + snow + "/publish", Map.of());
    assertThat(published.statusCode()).isEqualTo(303);
    var story = wire.store().story(snow).orElseThrow();
    assertThat(story.state()).isEqualTo(StoryState.PUBLISHED);
    var article = site.newsroom().articles().byId(story.articleId()).orElseThrow();
    assertThat(article.isPublished()).isTrue();
    assertThat(article.source().name()).isEqualTo("AP");
    assertThat(site.get(article.path()).statusCode()).isEqualTo(200);
    assertThat(editor.get("/admin/wire/" + snow).body())
        .contains("View the article")
        .doesNotContain("Publish as is");

    long museum = id("ap", "urn:ap:2");
    editor.get("/admin/wire/" + museum);
    var drafted = editor.postForm("/admin/wire/" + museum + "/draft", Map.of());
    assertThat(drafted.statusCode()).isEqualTo(303);
    var draft = wire.store().story(museum).orElseThrow();
    assertThat(draft.state()).isEqualTo(StoryState.DRAFT);
    assertThat(drafted.headers().firstValue("Location").orElseThrow())
        .isEqualTo("/admin/articles/" + draft.articleId());
    assertThat(editor.get("/admin/articles/" + draft.articleId()).body())
        .contains("Museum finds lost painting");
    assertThat(site.newsroom().articles().byId(draft.articleId()).orElseThrow().isPublished())
        .isFalse();

    ingest(
        "reuters",
        "{\"uri\":\"urn:r:7\",\"type\":\"text\",\"version\":\"1\",\"versioncreated\":\"2026-03-01T10:00:00Z\","
            + "\"headline\":\"Council meets on budget\",\"body_text\":\"Routine.\"}");
    long dockers = id("reuters", "urn:r:7");
    editor.get("/admin/wire/" + dockers);
    assertThat(editor.postForm("/admin/wire/" + dockers + "/ignore", Map.of()).statusCode())
        .isEqualTo(303);
    assertThat(wire.store().story(dockers).orElseThrow().state()).isEqualTo(StoryState.IGNORED);
  }
}
