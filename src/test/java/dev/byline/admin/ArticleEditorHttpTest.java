package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.content.ArticleStatus;
import dev.byline.content.ScheduledPublisher;
import dev.byline.media.ImageStore;
import dev.byline.testing.AdminClient;
import dev.byline.testing.TestClock;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestImages;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The article editor and workflow over real HTTP, with a clock the test moves. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleEditorHttpTest {
  static final String PASSWORD = "a long enough password";

  @TempDir
  static Path dir;

  TestSite site;
  TestClock clock = new TestClock();
  AdminClient editor;
  AdminClient otherEditor;
  AdminClient writer;
  AdminClient otherWriter;
  long sectionId;
  long photoWithAlt;
  long photoWithoutAlt;

  @BeforeAll
  void start() {
    site = TestSite.start(TestDatabases.sqlite(dir), clock);
    var users = site.byline().accounts().users();
    users.create("ed@example.org", "Eda Editor", Role.EDITOR, PASSWORD, false);
    users.create("ed2@example.org", "Eli Editor", Role.EDITOR, PASSWORD, false);
    users.create("wr@example.org", "Wim Writer", Role.WRITER, PASSWORD, false);
    users.create("wr2@example.org", "Wyn Writer", Role.WRITER, PASSWORD, false);
    sectionId = site.newsroom().sections().ensure("world", "World", "", 1).id();
    photoWithAlt = site.newsroom()
        .images()
        .store(
            TestImages.jpeg(800, 500),
            new ImageStore.ImageText(
                "Delegates arrive", "Ann Lens/Agency", "Delegates walk into the hall"))
        .id();
    photoWithoutAlt = site.newsroom()
        .images()
        .store(
            TestImages.jpeg(640, 400), new ImageStore.ImageText("A crowd", "Ann Lens/Agency", ""))
        .id();
    editor = new AdminClient(site).signIn("ed@example.org", PASSWORD);
    otherEditor = new AdminClient(site).signIn("ed2@example.org", PASSWORD);
    writer = new AdminClient(site).signIn("wr@example.org", PASSWORD);
    otherWriter = new AdminClient(site).signIn("wr2@example.org", PASSWORD);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  Map<String, String> story(String headline) {
    var m = new LinkedHashMap<String, String>();
    m.put("headline", headline);
    m.put("standfirst", "What happened, in one sentence.");
    m.put(
        "body",
        "First paragraph with *emphasis*.\n\n![](image:" + photoWithAlt
            + " \"Delegates arrive\")\n\n"
            + "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n## What next\n\nSecond paragraph.");
    m.put("section", Long.toString(sectionId));
    m.put("topics", "Port talks, Lisbon");
    m.put("bylines", "Eda Editor");
    m.put("dateline", "LISBON");
    m.put("source", "");
    m.put("credit", "");
    m.put("featured-image", Long.toString(photoWithAlt));
    m.put("slug", "");
    return m;
  }

  long create(AdminClient client, Map<String, String> fields, String action) {
    client.get("/admin/articles/new");
    var f = new LinkedHashMap<>(fields);
    f.put("action", action);
    var r = client.postForm("/admin/articles", f);
    assertThat(r.statusCode()).as(r.body()).isIn(303, 422);
    var m = Pattern.compile("/admin/articles/(\\d+)")
        .matcher(r.headers().firstValue("Location").orElse(r.body()));
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** Saves the article from its editor page, as the page's form would, with changes. */
  java.net.http.HttpResponse<String> save(
      AdminClient client, long id, Map<String, String> changes, String action) {
    var page = client.get("/admin/articles/" + id).body();
    var fields = formValues(page);
    fields.putAll(changes);
    fields.put("action", action);
    return client.postForm("/admin/articles/" + id, fields);
  }

  static Map<String, String> formValues(String page) {
    var out = new LinkedHashMap<String, String>();
    var input = Pattern.compile(
            "<input id=\"([a-z-]+)\" name=\"\\1\" type=\"(?:text|datetime-local)\" value=\"([^\"]*)\"")
        .matcher(page);
    while (input.find()) out.put(input.group(1), unescape(input.group(2)));
    var area = Pattern.compile("<textarea id=\"([a-z-]+)\" name=\"\\1\"[^>]*>([^<]*)</textarea>")
        .matcher(page);
    while (area.find()) out.put(area.group(1), unescape(area.group(2)));
    var version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
    if (version.find()) out.put("version", version.group(1));
    var section = Pattern.compile("<option value=\"(\\d+)\" selected>")
        .matcher(page.substring(page.indexOf("id=\"section\"")));
    out.put("section", section.find() ? section.group(1) : "");
    var featured = page.substring(page.indexOf("id=\"featured-image\""));
    var image = Pattern.compile("<option value=\"(\\d+)\" selected>")
        .matcher(featured.substring(0, featured.indexOf("</select>")));
    out.put("featured-image", image.find() ? image.group(1) : "");
    return out;
  }

  static String unescape(String s) {
    return s.replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  ArticleStatus status(long id) {
    return site.newsroom().articles().byId(id).orElseThrow().status();
  }

  @Test
  void
      an_editor_publishes_a_story_with_a_photo_and_an_embed_and_readers_see_it_on_the_front_page_and_in_its_section() {
    long id = create(editor, story("Port talks resume in Lisbon"), "publish");
    var article = site.newsroom().articles().byId(id).orElseThrow();
    assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED);
    assertThat(article.path()).isEqualTo("/world/port-talks-resume-in-lisbon");
    var page = site.get(article.path());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "Port talks resume in Lisbon",
            "<em>emphasis</em>",
            "data-video-id=\"dQw4w9WgXcQ\"",
            "Delegates walk into the hall",
            "<h2>What next</h2>",
            "href=\"/topic/port-talks\"",
            "LISBON");
    assertThat(site.get("/").body()).contains("Port talks resume in Lisbon");
    assertThat(site.get("/world").body()).contains("Port talks resume in Lisbon");
  }

  @Test
  void publishing_is_refused_while_a_photo_has_no_alt_text_and_the_message_names_the_photo() {
    var fields = story("Crowds gather at the port");
    fields.put("featured-image", Long.toString(photoWithoutAlt));
    long id = create(editor, fields, "publish");
    assertThat(status(id)).isEqualTo(ArticleStatus.DRAFT);
    var page = editor.get("/admin/articles/" + id);
    editor.get("/admin/articles/" + id);
    var r = save(editor, id, Map.of(), "publish");
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).contains("Photo " + photoWithoutAlt + " (featured) has no alt text");
    assertThat(page.statusCode()).isEqualTo(200);
  }

  @Test
  void a_writer_cannot_publish_but_can_submit_for_review() {
    long id = create(writer, story("Writer's first story"), "publish");
    assertThat(status(id)).isEqualTo(ArticleStatus.DRAFT);
    writer.get("/admin/articles/" + id);
    var direct = writer.postForm("/admin/articles/" + id + "/status", Map.of("action", "publish"));
    assertThat(direct.statusCode()).isEqualTo(403);
    assertThat(status(id)).isEqualTo(ArticleStatus.DRAFT);
    var submitted = save(writer, id, Map.of(), "submit");
    assertThat(submitted.statusCode()).isEqualTo(303);
    assertThat(status(id)).isEqualTo(ArticleStatus.IN_REVIEW);
    assertThat(editor.get("/admin").body()).contains("Waiting for review", "first story");
  }

  @Test
  void one_writers_session_cannot_read_or_change_another_writers_draft() {
    long id = create(writer, story("Private draft"), "save");
    assertThat(otherWriter.get("/admin/articles/" + id).statusCode()).isEqualTo(403);
    otherWriter.get("/admin/articles/new");
    var fields = new LinkedHashMap<>(story("Hijacked"));
    fields.put("version", "2");
    assertThat(otherWriter.postForm("/admin/articles/" + id, fields).statusCode())
        .isEqualTo(403);
    assertThat(
            otherWriter.postForm("/admin/articles/" + id + "/autosave", fields).statusCode())
        .isEqualTo(403);
    assertThat(
            otherWriter.postForm("/admin/articles/" + id + "/preview", fields).statusCode())
        .isEqualTo(403);
    assertThat(otherWriter.get("/admin/articles/" + id + "/revisions").statusCode())
        .isEqualTo(403);
    assertThat(otherWriter.get("/admin/articles").body()).doesNotContain("Private draft");
    assertThat(site.newsroom().articles().byId(id).orElseThrow().headline())
        .isEqualTo("Private draft");
    assertThat(editor.get("/admin/articles/" + id).statusCode()).isEqualTo(200);
  }

  @Test
  void
      a_save_based_on_an_older_version_is_refused_with_a_clear_message_and_keeps_everything_typed() {
    long id = create(editor, story("Budget vote delayed"), "save");
    var mine = formValues(editor.get("/admin/articles/" + id).body());
    assertThat(save(otherEditor, id, Map.of("standfirst", "Their standfirst."), "save")
            .statusCode())
        .isEqualTo(303);
    mine.put("headline", "Budget vote delayed again");
    mine.put("body", "My carefully written paragraph.");
    mine.put("action", "save");
    var refused = editor.postForm("/admin/articles/" + id, mine);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body())
        .contains(
            "Eli Editor saved this article after you opened it",
            "Budget vote delayed again",
            "My carefully written paragraph.");
    assertThat(site.newsroom().articles().byId(id).orElseThrow().standfirst())
        .isEqualTo("Their standfirst.");
    var again = formValues(refused.body());
    again.put("action", "save");
    assertThat(editor.postForm("/admin/articles/" + id, again).statusCode()).isEqualTo(303);
    assertThat(site.newsroom().articles().byId(id).orElseThrow().headline())
        .isEqualTo("Budget vote delayed again");
  }

  @Test
  void every_save_is_a_revision_with_its_author_and_any_two_can_be_compared_and_one_restored() {
    long id = create(editor, story("Ferry timetable changes"), "save");
    save(otherEditor, id, Map.of("body", "A new second version of the body."), "save");
    var list = editor.get("/admin/articles/" + id + "/revisions").body();
    assertThat(list).contains("Eda Editor", "Eli Editor", "create", "save");
    var ids = Pattern.compile("name=\"from\" value=\"(\\d+)\"").matcher(list);
    assertThat(ids.find()).isTrue();
    var newest = ids.group(1);
    assertThat(ids.find()).isTrue();
    var oldest = ids.group(1);
    var diff = editor
        .get("/admin/articles/" + id + "/diff?from=" + oldest + "&to=" + newest)
        .body();
    assertThat(diff)
        .contains(
            "<del><span class=\"visually-hidden\">Removed: </span>First paragraph with *emphasis*.</del>")
        .contains(
            "<ins><span class=\"visually-hidden\">Added: </span>A new second version of the body.</ins>");
    var restored =
        editor.postForm("/admin/articles/" + id + "/revisions/" + oldest + "/restore", Map.of());
    assertThat(restored.statusCode()).isEqualTo(303);
    assertThat(site.newsroom().articles().byId(id).orElseThrow().bodyText())
        .contains("First paragraph with");
    assertThat(editor.get("/admin/articles/" + id + "/revisions").body()).contains("restore");
  }

  @Test
  void preview_renders_the_real_article_template_without_saving_anything() {
    long id = create(editor, story("Preview me"), "save");
    var fields = formValues(editor.get("/admin/articles/" + id).body());
    fields.put("headline", "A headline only the preview has");
    var r = editor.postForm("/admin/articles/" + id + "/preview", fields);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains(
            "<article class=\"story\"",
            "A headline only the preview has",
            "data-video-id=\"dQw4w9WgXcQ\"");
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(site.newsroom().articles().byId(id).orElseThrow().headline())
        .isEqualTo("Preview me");
  }

  @Test
  void an_update_with_a_note_shows_the_note_and_updated_and_a_new_slug_redirects_the_old_address() {
    long id = create(editor, story("Bridge reopens"), "publish");
    var before = site.newsroom().articles().byId(id).orElseThrow();
    clock.advance(Duration.ofMinutes(5));
    var r = save(
        editor,
        id,
        Map.of("update-note", "Corrects the bridge's length.", "slug", "bridge-reopens-to-traffic"),
        "save");
    assertThat(r.statusCode()).isEqualTo(303);
    var after = site.newsroom().articles().byId(id).orElseThrow();
    var page = site.get(after.path()).body();
    assertThat(page).contains("<strong>Update:</strong> Corrects the bridge", "Updated");
    var old = site.get(before.path());
    assertThat(old.statusCode()).isEqualTo(301);
    assertThat(old.headers().firstValue("Location")).hasValue("/world/bridge-reopens-to-traffic");
  }

  @Test
  void an_unpublished_story_answers_410_and_can_be_republished() {
    long id = create(editor, story("Museum closes"), "publish");
    var path = site.newsroom().articles().byId(id).orElseThrow().path();
    editor.get("/admin/articles/" + id);
    assertThat(editor
            .postForm("/admin/articles/" + id + "/status", Map.of("action", "unpublish"))
            .statusCode())
        .isEqualTo(303);
    assertThat(site.get(path).statusCode()).isEqualTo(410);
    assertThat(editor
            .postForm("/admin/articles/" + id + "/status", Map.of("action", "republish"))
            .statusCode())
        .isEqualTo(303);
    assertThat(site.get(path).statusCode()).isEqualTo(200);
    var audit = site.byline().accounts().audit().about("article", id, 10);
    assertThat(audit)
        .extracting(e -> e.action())
        .contains("article.publish", "article.unpublish", "article.republish");
  }

  @Test
  void a_scheduled_story_waits_for_its_time_and_its_embargo() {
    var fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    var now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    var fields = story("Embargoed report");
    fields.put("schedule-at", fmt.format(now.plusMinutes(10)));
    fields.put("embargo-until", fmt.format(now.plusMinutes(30)));
    long id = create(editor, fields, "schedule");
    assertThat(status(id)).isEqualTo(ArticleStatus.SCHEDULED);
    var publisher = new ScheduledPublisher(site.newsroom().articles(), clock);
    clock.advance(Duration.ofMinutes(15));
    publisher.runOnce();
    assertThat(status(id)).as("the embargo holds it back").isEqualTo(ArticleStatus.SCHEDULED);
    clock.advance(Duration.ofMinutes(20));
    publisher.runOnce();
    assertThat(status(id)).isEqualTo(ArticleStatus.PUBLISHED);
  }

  @Test
  void a_draft_autosaves_and_a_new_one_is_created_by_its_first_autosave_at_the_sites_time() {
    editor.get("/admin/articles/new");
    var r = editor.postForm("/admin/articles/autosave", story("Autosaved from nothing"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"savedAt\":\"" + clock.instant() + "\"");
    var m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
    assertThat(m.find()).isTrue();
    long id = Long.parseLong(m.group(1));
    var fields = formValues(editor.get("/admin/articles/" + id).body());
    fields.put("body", "Typed and saved without pressing anything.");
    var again = editor.postForm("/admin/articles/" + id + "/autosave", fields);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("\"version\":");
    assertThat(again.body()).contains("\"savedAt\":\"" + clock.instant() + "\"");
    assertThat(site.newsroom().articles().byId(id).orElseThrow().bodyText())
        .isEqualTo("Typed and saved without pressing anything.");
    var stale = editor.postForm("/admin/articles/" + id + "/autosave", fields);
    assertThat(stale.statusCode()).isEqualTo(409);
  }

  @Test
  void form_errors_name_each_field_and_keep_what_was_typed() {
    var fields = story("");
    fields.put("body", "Fine first line.\n\n![A photo](https://elsewhere.example/p.jpg)");
    fields.put("section", "99999");
    fields.put("standfirst", "Kept standfirst <b>as typed</b>");
    editor.get("/admin/articles/new");
    fields.put("action", "save");
    var r = editor.postForm("/admin/articles", fields);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains(
            "Headline is empty",
            "Section no longer exists",
            "line 3",
            "must come from the photo library",
            "Kept standfirst &lt;b&gt;as typed&lt;/b&gt;",
            "Fine first line.");
  }

  @Test
  void topic_suggestions_come_from_stored_topics_and_new_names_create_topics() {
    var fields = story("Topics story");
    fields.put("topics", "Port talks, Lisbon, Ana Vestergaard (person)");
    create(editor, fields, "save");
    assertThat(site.newsroom().topics().named("Ana Vestergaard").orElseThrow().type())
        .isEqualTo(dev.byline.content.TopicType.PERSON);
    var r = editor.get("/admin/suggest/topics?q=port");
    assertThat(r.body()).contains("\"name\":\"Port talks\"");
    assertThat(site.newsroom().topics().named("Lisbon")).isPresent();
  }
}
