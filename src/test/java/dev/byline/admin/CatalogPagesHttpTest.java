package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.media.ImageStore;
import dev.byline.testing.AdminClient;
import dev.byline.testing.TestImages;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Sections, topics and authors managed by editors over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogPagesHttpTest {
  static final String PASSWORD = "a long enough password";

  @TempDir
  static Path dir;

  TestSite site;
  AdminClient editor;

  @BeforeAll
  void start() {
    site = TestSite.start(dir);
    site.byline()
        .accounts()
        .users()
        .create("cat@example.org", "Cat Editor", Role.EDITOR, PASSWORD, false);
    site.byline()
        .accounts()
        .users()
        .create("cw@example.org", "Cal Writer", Role.WRITER, PASSWORD, false);
    editor = new AdminClient(site).signIn("cat@example.org", PASSWORD);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  @Test
  void an_editor_adds_a_section_that_appears_in_the_site_navigation() {
    editor.get("/admin/sections");
    var r = editor.postForm(
        "/admin/sections",
        Map.of(
            "name", "Science", "slug", "science", "description", "Discoveries", "position", "3"));
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(site.get("/").body()).contains("href=\"/science\"");
    var taken = editor.postForm(
        "/admin/sections",
        Map.of("name", "Again", "slug", "science", "description", "", "position", ""));
    assertThat(taken.statusCode()).isEqualTo(400);
    assertThat(taken.body()).contains("Slug “science” is already a section", "value=\"Again\"");
    var reserved = editor.postForm(
        "/admin/sections",
        Map.of("name", "Admin", "slug", "admin", "description", "", "position", "x"));
    assertThat(reserved.body()).contains("Position must be a whole number", "reserved by the site");
  }

  @Test
  void an_editor_renames_and_retypes_a_topic_keeping_its_address() {
    var topic = site.newsroom().topics().ensure("Jon Smith", dev.byline.content.TopicType.SUBJECT);
    editor.get("/admin/topics/" + topic.id());
    var r = editor.postForm(
        "/admin/topics/" + topic.id(), Map.of("name", "John Smith", "type", "person"));
    assertThat(r.statusCode()).isEqualTo(303);
    var renamed = site.newsroom().topics().bySlug(topic.slug()).orElseThrow();
    assertThat(renamed.name()).isEqualTo("John Smith");
    assertThat(renamed.type()).isEqualTo(dev.byline.content.TopicType.PERSON);
    assertThat(editor.get("/admin/topics?q=john").body()).contains("John Smith");
  }

  @Test
  void an_editor_gives_an_author_a_bio_and_photo_and_a_bad_photo_number_is_named() {
    var photo = site.newsroom()
        .images()
        .store(
            TestImages.jpeg(300, 300), new ImageStore.ImageText("", "", "Portrait of Ria Reporter"))
        .id();
    editor.get("/admin/authors");
    var bad = editor.postForm(
        "/admin/authors",
        Map.of("name", "Ria Reporter", "bio", "Covers ports.", "photo", "999999"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("Photo 999999 is not in the photo desk", "Covers ports.");
    var ok = editor.postForm(
        "/admin/authors",
        Map.of("name", "Ria Reporter", "bio", "Covers ports.", "photo", Long.toString(photo)));
    assertThat(ok.statusCode()).isEqualTo(303);
    var author = site.newsroom().authors().named("Ria Reporter").orElseThrow();
    assertThat(author.bio()).isEqualTo("Covers ports.");
    assertThat(author.photoImageId()).isEqualTo(photo);
  }

  @Test
  void writers_cannot_manage_sections_topics_or_authors() {
    var writer = new AdminClient(site).signIn("cw@example.org", PASSWORD);
    assertThat(writer.get("/admin/sections").statusCode()).isEqualTo(403);
    assertThat(writer.get("/admin/topics").statusCode()).isEqualTo(403);
    assertThat(writer.get("/admin/authors").statusCode()).isEqualTo(403);
  }
}
