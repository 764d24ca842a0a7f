package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.byline.auth.Role;
import dev.byline.content.Block;
import dev.byline.content.BlockDocument;
import dev.byline.json.Json;
import dev.byline.media.ImageStore;
import dev.byline.testing.AdminClient;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestImages;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The block editor's server side over real HTTP: the editor form posting a block document, its
 * refusals, switching formats, revisions and diffs of a body written in blocks, the photo
 * picker's JSON and an upload answered in JSON, and a live post written in blocks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlockEditorHttpTest {
  static final String PASSWORD = "a long enough password";

  @TempDir
  static Path dir;

  TestSite site;
  AdminClient editor;
  long photo;

  @BeforeAll
  void start() throws Exception {
    site = TestSite.start(TestDatabases.sqlite(dir));
    site.byline()
        .accounts()
        .users()
        .create("ed@example.org", "Eda Editor", Role.EDITOR, PASSWORD, false);
    site.newsroom().sections().ensure("world", "World", "", 1);
    photo = site.newsroom()
        .images()
        .store(
            TestImages.jpeg(800, 500),
            new ImageStore.ImageText("Delegates arrive", "Ann Lens/Agency", "Delegates walk in"))
        .id();
    editor = new AdminClient(site).signIn("ed@example.org", PASSWORD);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  Map<String, String> story(String headline, String document) {
    var m = new LinkedHashMap<String, String>();
    m.put("headline", headline);
    m.put("body", "ignored when the document is the body");
    m.put("body-format", "blocks");
    m.put("body-json", document);
    return m;
  }

  static String doc(String blocks) {
    return "{\"version\":1,\"blocks\":[" + blocks + "]}";
  }

  long idOf(java.net.http.HttpResponse<String> r) {
    var location = r.headers().firstValue("Location").orElseThrow();
    var m = Pattern.compile("/admin/articles/(\\d+)").matcher(location);
    assertThat(m.find()).as(location).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void a_story_written_in_blocks_is_stored_as_those_blocks_with_its_revision_in_markdown() {
    editor.get("/admin/articles/new");
    var r = editor.postForm(
        "/admin/articles",
        story(
            "Talks resume",
            doc("{\"type\":\"heading\",\"level\":2,\"text\":\"Day one\"},"
                + "{\"type\":\"image\",\"photo\":" + photo
                + ",\"caption\":\"In the hall\",\"credit\":\"Own credit\",\"alt\":\"\"},"
                + "{\"type\":\"quote\",\"html\":\"We <em>will</em> talk.\",\"cite\":\"A delegate\"},"
                + "{\"type\":\"embed\",\"url\":\"https://youtu.be/dQw4w9WgXcQ\",\"title\":\"\"}")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    long id = idOf(r);
    assertThat(site.newsroom().articles().byId(id).orElseThrow().body())
        .containsExactly(
            new Block.Heading(2, "Day one"),
            new Block.ImageBlock(photo, "In the hall", "Own credit", ""),
            new Block.Quote("We <em>will</em> talk.", "A delegate"),
            new Block.Embed("youtube", "https://youtu.be/dQw4w9WgXcQ", ""));

    // The editor reopens in the block editor with the stored document; the revision keeps Markdown.
    var page = editor.get("/admin/articles/" + id).body();
    assertThat(page).contains("data-preferred=\"blocks\"").contains("name=\"body-json\"");
    assertThat(page).contains("image:" + photo);

    // A second save changes the heading; the diff shows it as Markdown lines.
    var second = story(
        "Talks resume",
        doc("{\"type\":\"heading\",\"level\":2,\"text\":\"Day two\"},"
            + "{\"type\":\"image\",\"photo\":" + photo + ",\"caption\":\"In the hall\"}"));
    second.put("version", "1");
    assertThat(editor.postForm("/admin/articles/" + id, second).statusCode()).isEqualTo(303);
    assertThat(site.newsroom().articles().byId(id).orElseThrow().body())
        .first()
        .isEqualTo(new Block.Heading(2, "Day two"));
    var list = editor.get("/admin/articles/" + id + "/revisions").body();
    var ids = Pattern.compile("name=\"from\" value=\"(\\d+)\"")
        .matcher(list)
        .results()
        .map(m -> m.group(1))
        .toList();
    assertThat(ids).hasSizeGreaterThanOrEqualTo(2);
    var diff = editor
        .get(
            "/admin/articles/" + id + "/diff?from=" + ids.get(ids.size() - 1) + "&to=" + ids.get(0))
        .body();
    assertThat(diff).contains("## Day one").contains("## Day two");

    // Restoring the first revision gives back its blocks exactly, the photo's own credit too,
    // which Markdown has no place for.
    var before = site.newsroom().articles().byId(id).orElseThrow().body();
    var restored =
        editor.postForm(AdminPaths.restore(id, Long.parseLong(ids.get(ids.size() - 1))), Map.of());
    assertThat(restored.statusCode()).as(restored.body()).isEqualTo(303);
    assertThat(site.newsroom().articles().byId(id).orElseThrow().body())
        .isNotEqualTo(before)
        .contains(
            new Block.Heading(2, "Day one"),
            new Block.ImageBlock(photo, "In the hall", "Own credit", ""));
  }

  @Test
  void a_bad_document_is_refused_naming_the_block_and_field_and_what_was_typed_is_kept() {
    editor.get("/admin/articles/new");
    var bad = doc("{\"type\":\"paragraph\",\"html\":\"Fine\"},"
        + "{\"type\":\"paragraph\",\"html\":\"<a href=\\\"javascript:alert(1)\\\">x</a>\"}");
    var r = editor.postForm("/admin/articles", story("Bad link", bad));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains("Body block 2 (paragraph) field \"html\" has markup the site does not allow")
        .contains("value=\"" + bad.replace("\"", "&#34;").replace("<", "&lt;") + "\"")
        .contains("data-preferred=\"blocks\"");

    var missing = editor.postForm(
        "/admin/articles", story("Missing photo", doc("{\"type\":\"image\",\"photo\":999999}")));
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("Body uses photo 999999, which is not in the photo desk");

    var unknown = editor.postForm(
        "/admin/articles", story("Unknown", doc("{\"type\":\"poll\",\"question\":\"?\"}")));
    assertThat(unknown.body()).contains("Body block 1 has unknown type \"poll\"");
    var headlines = new java.util.ArrayList<String>();
    for (long id = 1; id <= 50; id++)
      site.newsroom().articles().byId(id).ifPresent(a -> headlines.add(a.headline()));
    assertThat(headlines).doesNotContain("Bad link", "Missing photo", "Unknown");
  }

  @Test
  void without_a_document_the_markdown_textarea_is_the_body() {
    // Without script nothing changes the format field: the page sends Markdown.
    assertThat(editor.get("/admin/articles/new").body())
        .contains("<input type=\"hidden\" name=\"body-format\" value=\"markdown\" data-format>")
        .contains("<textarea id=\"body\" name=\"body\"");
    var m = new LinkedHashMap<String, String>();
    m.put("headline", "Plain Markdown");
    m.put("body", "## Sub\n\nText.");
    m.put("body-format", "markdown");
    m.put("body-json", doc("{\"type\":\"heading\",\"level\":2,\"text\":\"Not this\"}"));
    var r = editor.postForm("/admin/articles", m);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    assertThat(site.newsroom().articles().byId(idOf(r)).orElseThrow().body())
        .containsExactly(new Block.Heading(2, "Sub"), new Block.Paragraph("Text."));
  }

  @Test
  void the_server_switches_a_body_between_markdown_and_blocks() throws Exception {
    editor.get("/admin/articles/new");
    var json = "Accept";
    var toBlocks = editor.postForm(
        BodyFormats.TO_BLOCKS,
        Map.of("markdown", "## Sub\n\n![](image:" + photo + " \"Cap\")"),
        json,
        "application/json");
    assertThat(toBlocks.statusCode()).isEqualTo(200);
    var document = Json.MAPPER.readTree(toBlocks.body()).path("document").asText();
    assertThat(BlockDocument.parse(document))
        .containsExactly(new Block.Heading(2, "Sub"), new Block.ImageBlock(photo, "Cap", "", ""));
    var back = editor.postForm(
        BodyFormats.TO_MARKDOWN, Map.of("document", document), json, "application/json");
    assertThat(Json.MAPPER.readTree(back.body()).path("markdown").asText())
        .isEqualTo("## Sub\n\n![](image:" + photo + " \"Cap\")");

    var refused =
        editor.postForm(BodyFormats.TO_MARKDOWN, Map.of("document", doc("{\"type\":\"image\"}")));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Json.MAPPER.readTree(refused.body()).path("error").asText())
        .isEqualTo("Body block 1 (image) field \"photo\" is missing");
    var noToken = editor.postRaw(BodyFormats.TO_BLOCKS, Map.of("markdown", "x"));
    assertThat(noToken.statusCode()).isEqualTo(403);
  }

  @Test
  void the_picker_lists_and_finds_photos_and_an_upload_answers_with_its_id_in_json()
      throws Exception {
    editor.get("/admin/photos");
    JsonNode found =
        Json.MAPPER.readTree(editor.get("/admin/photo-picker?q=delegates").body());
    assertThat(found.path("photos")).hasSize(1);
    assertThat(found.path("photos").get(0).path("id").asLong()).isEqualTo(photo);
    assertThat(found.path("photos").get(0).path("thumb").asText()).startsWith("/media/");
    assertThat(Json.MAPPER
            .readTree(editor.get("/admin/photo-picker?q=nothing-like-this").body())
            .path("photos"))
        .isEmpty();
    assertThat(Json.MAPPER
            .readTree(editor.get("/admin/photo-picker?ids=" + photo + ",999").body())
            .path("photos"))
        .hasSize(1);
    assertThat(editor.get("/admin/photo-picker?ids=x").statusCode()).isEqualTo(400);

    var upload = editor.postMultipart(
        "/admin/photos",
        Map.of(),
        "file",
        "drop.png",
        TestImages.png(300, 200),
        "Accept",
        "application/json");
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
    long id = Json.MAPPER.readTree(upload.body()).path("id").asLong();
    assertThat(site.newsroom().images().byId(id)).isPresent();

    var notPhoto = editor.postMultipart(
        "/admin/photos",
        Map.of(),
        "file",
        "notes.txt",
        "hello".getBytes(),
        "Accept",
        "application/json");
    assertThat(notPhoto.statusCode()).isEqualTo(400);
    assertThat(Json.MAPPER.readTree(notPhoto.body()).path("error").asText()).contains("notes.txt");

    var anonymous = new AdminClient(site).get("/admin/photo-picker");
    assertThat(anonymous.body()).doesNotContain("Delegates arrive");
  }

  @Test
  void a_live_post_is_written_in_blocks() {
    editor.get("/admin/articles/new");
    var r = editor.postForm(
        "/admin/articles",
        story("Live: talks", doc("{\"type\":\"paragraph\",\"html\":\"Follow along.\"}")));
    long id = idOf(r);
    editor.get("/admin/articles/" + id + "/live");
    editor.postForm("/admin/articles/" + id + "/live/start", Map.of());
    var post = editor.postForm(
        "/admin/articles/" + id + "/live/posts",
        Map.of(
            "post", "",
            "post-format", "blocks",
            "post-json",
                doc(
                    "{\"type\":\"paragraph\",\"html\":\"Delegates <strong>arrive</strong>.\"},"
                        + "{\"type\":\"embed\",\"url\":\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\"}")));
    assertThat(post.statusCode()).as(post.body()).isEqualTo(303);
    var posts = site.newsroom().live().posts(id, false);
    assertThat(posts).hasSize(1);
    assertThat(posts.get(0).body())
        .containsExactly(
            new Block.Paragraph("Delegates <strong>arrive</strong>."),
            new Block.Embed("youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", ""));
    assertThat(posts.get(0).markdown()).contains("https://www.youtube.com/watch?v=dQw4w9WgXcQ");

    var refused = editor.postForm(
        "/admin/articles/" + id + "/live/posts",
        Map.of(
            "post-format",
            "blocks",
            "post-json",
            doc("{\"type\":\"embed\",\"url\":\"https://example.org/v\"}")));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("The post block 1 (embed) field \"url\" is not a link the site can embed");
    assertThat(site.newsroom().live().posts(id, false)).hasSize(1);
  }
}
