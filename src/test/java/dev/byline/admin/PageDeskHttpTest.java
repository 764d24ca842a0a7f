package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.media.ImageStore;
import dev.byline.testing.AdminClient;
import dev.byline.testing.Eventually;
import dev.byline.testing.TestImages;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site's own pages over real HTTP: written in Markdown or in the block editor's document,
 * revised, published, cached, restored, taken down; and shown to readers with every block an
 * article can hold.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageDeskHttpTest {
  static final String PASSWORD = "a long enough password";

  @TempDir
  static Path dir;

  TestSite site;
  AdminClient editor;
  AdminClient writer;
  long photo;
  long story;

  @BeforeAll
  void start() throws Exception {
    site = TestSite.start(dir);
    var users = site.byline().accounts().users();
    users.create("ed@example.org", "Ed Itor", Role.EDITOR, PASSWORD, false);
    users.create("wr@example.org", "Wri Ter", Role.WRITER, PASSWORD, false);
    editor = new AdminClient(site).signIn("ed@example.org", PASSWORD);
    writer = new AdminClient(site).signIn("wr@example.org", PASSWORD);
    photo = site.newsroom()
        .images()
        .store(
            TestImages.jpeg(1200, 800),
            new ImageStore.ImageText("Our newsroom", "Desk Photo/Byline", "Desks by a window"))
        .id();
    long world = site.newsroom().sections().ensure("world", "World", "", 1).id();
    var articles = site.newsroom().articles();
    story = articles.create(ArticleDraft.of(
        "Ferry line reopens", "", world, List.of(Block.Paragraph.ofText("Boats run again."))));
    articles.publish(story);
  }

  static String doc(String blocks) {
    return "{\"version\":1,\"blocks\":[" + blocks + "]}";
  }

  /** A page form whose body is the block editor's document. */
  static Map<String, String> inBlocks(String title, String slug, String document, String action) {
    var m = new LinkedHashMap<String, String>();
    m.put("title", title);
    m.put("slug", slug);
    m.put("summary", "");
    m.put("body", "ignored when the document is the body");
    m.put("body-format", "blocks");
    m.put("body-json", document);
    m.put("action", action);
    return m;
  }

  @AfterAll
  void stop() {
    site.close();
  }

  static long idFrom(String location) {
    var m = Pattern.compile("/admin/pages/(\\d+)$").matcher(location);
    assertThat(m.find()).as(location).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void a_page_is_drafted_published_revised_cached_and_taken_down() {
    editor.get("/admin/pages/new");
    var created = editor.postForm(
        "/admin/pages",
        Map.of(
            "title", "Corrections",
            "slug", "",
            "summary", "How we correct mistakes.",
            "body", "We fix errors **openly**.\n\n## Reporting one\n\nWrite to us.",
            "action", "save"));
    assertThat(created.statusCode()).isEqualTo(303);
    long id = idFrom(created.headers().firstValue("Location").orElseThrow());
    // A draft is not on the site.
    assertThat(site.get("/page/corrections").statusCode()).isEqualTo(404);
    assertThat(site.get("/sitemaps/pages.xml").body()).doesNotContain("/page/corrections");

    var published = editor.postForm(
        "/admin/pages/" + id,
        Map.of(
            "title", "Corrections",
            "slug", "corrections",
            "summary", "How we correct mistakes.",
            "body", "We fix errors **openly**.\n\n## Reporting one\n\nWrite to us.",
            "version", "1",
            "action", "publish"));
    assertThat(published.statusCode()).isEqualTo(303);
    var page = site.get("/page/corrections");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<h1>Corrections</h1>", "<strong>openly</strong>", "<h2>Reporting one</h2>");
    assertThat(page.headers().firstValue("Surrogate-Key").orElseThrow()).contains("page:" + id);

    // In the general sitemap (purged when a page is published), never in feeds or the news sitemap.
    assertThat(site.get("/sitemaps/pages.xml").body()).contains("/page/corrections</loc>");
    assertThat(site.get("/sitemaps/news.xml").body()).doesNotContain("/page/");
    assertThat(site.get("/feed/rss.xml").body()).doesNotContain("/page/");

    // Cached: a second read renders nothing and carries the same ETag.
    long renders = site.byline().pageCache().renderCount();
    var again = site.get("/page/corrections");
    assertThat(site.byline().pageCache().renderCount()).isEqualTo(renders);
    assertThat(again.headers().firstValue("ETag")).isEqualTo(page.headers().firstValue("ETag"));

    // A revision purges the cached copy; a save from a stale version is refused and kept.
    var version = site.newsroom().pages().byId(id).orElseThrow().version();
    var revised = editor.postForm(
        "/admin/pages/" + id,
        Map.of(
            "title", "Corrections and clarifications",
            "slug", "corrections",
            "summary", "How we correct mistakes.",
            "body", "We fix errors openly, with a note.",
            "version", Integer.toString(version),
            "action", "publish"));
    assertThat(revised.statusCode()).isEqualTo(303);
    assertThat(site.get("/page/corrections").body())
        .contains("Corrections and clarifications", "with a note")
        .doesNotContain("Reporting one");
    var stale = editor.postForm(
        "/admin/pages/" + id,
        Map.of(
            "title", "Lost edit",
            "slug", "corrections",
            "summary", "",
            "body", "Old.",
            "version", Integer.toString(version),
            "action", "save"));
    assertThat(stale.statusCode()).isEqualTo(400);
    assertThat(stale.body()).contains("saved by someone else", "value=\"Lost edit\"");
    var renamed = editor.postForm(
        "/admin/pages/" + id,
        Map.of(
            "title", "Corrections",
            "slug", "fixes",
            "summary", "",
            "body", "x",
            "version", Integer.toString(version + 2),
            "action", "save"));
    assertThat(renamed.body()).contains("cannot change once the page has been published");

    // Every save is a revision; restoring the first brings its text back as a new version.
    var revisions = site.newsroom().pages().revisions(id);
    assertThat(revisions)
        .extracting(r -> r.title())
        .containsExactly("Corrections and clarifications", "Corrections", "Corrections");
    var first = revisions.get(revisions.size() - 1);
    assertThat(editor.get("/admin/pages/" + id).body()).contains("Revisions", "Restore");
    var restore = editor.postForm("/admin/pages/" + id + "/restore/" + first.id(), Map.of());
    assertThat(restore.statusCode()).isEqualTo(303);
    assertThat(site.get("/page/corrections").body()).contains("Reporting one");

    // Unpublished: 404 at once, though the page was cached.
    var now = site.newsroom().pages().byId(id).orElseThrow();
    var off = editor.postForm(
        "/admin/pages/" + id,
        Map.of(
            "title", now.title(),
            "slug", now.slug(),
            "summary", now.summary(),
            "body", now.markdown(),
            "version", Integer.toString(now.version()),
            "action", "unpublish"));
    assertThat(off.statusCode()).isEqualTo(303);
    assertThat(site.get("/page/corrections").statusCode()).isEqualTo(404);
    assertThat(site.get("/sitemaps/pages.xml").body()).doesNotContain("/page/corrections");
    assertThat(site.byline().accounts().audit().about("page", id, 20).stream().map(e -> e.action()))
        .contains("page.create", "page.publish", "page.restore", "page.unpublish");
  }

  @Test
  void bad_input_is_refused_with_the_field_named_and_writers_may_not_edit_pages() {
    var empty = editor.postForm(
        "/admin/pages",
        Map.of("title", "", "slug", "", "summary", "", "body", "", "action", "save"));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("Slug is empty");
    var badSlug = editor.postForm(
        "/admin/pages",
        Map.of(
            "title",
            "Terms",
            "slug",
            "Terms Of Use!",
            "summary",
            "",
            "body",
            "",
            "action",
            "save"));
    assertThat(badSlug.statusCode()).isEqualTo(400);
    assertThat(badSlug.body()).contains("value=\"Terms\"");
    assertThat(writer.get("/admin/pages").statusCode()).isEqualTo(403);
    assertThat(writer
            .postForm(
                "/admin/pages",
                Map.of(
                    "title", "Terms", "slug", "terms", "summary", "", "body", "", "action",
                    "publish"))
            .statusCode())
        .isEqualTo(403);
    assertThat(site.get("/page/terms").statusCode()).isEqualTo(404);
  }

  @Test
  void privacy_moves_to_its_page_and_the_privacy_page_and_cookie_policy_link_each_other() {
    var created = editor.postForm(
        "/admin/pages",
        Map.of(
            "title", "Privacy policy",
            "slug", "privacy",
            "summary", "",
            "body", "What we keep.",
            "action", "publish"));
    assertThat(created.statusCode()).isEqualTo(303);
    var legacy = site.get("/privacy");
    assertThat(legacy.statusCode()).isEqualTo(301);
    assertThat(legacy.headers().firstValue("Location").orElseThrow()).endsWith("/page/privacy");
    assertThat(site.get("/page/privacy").body()).contains("href=\"/cookies\"");
    assertThat(site.get("/cookies").body()).contains("href=\"/privacy\"");
  }

  @Test
  void a_page_written_in_blocks_shows_readers_every_block_and_a_restore_gives_them_back_exactly() {
    editor.get("/admin/pages/new");
    var first = doc("{\"type\":\"heading\",\"level\":2,\"text\":\"Who we are\"},"
        + "{\"type\":\"paragraph\",\"html\":\"A <strong>small</strong> newsroom.\"},"
        + "{\"type\":\"image\",\"photo\":" + photo
        + ",\"caption\":\"The desk at night\",\"credit\":\"Own credit\",\"alt\":\"\"},"
        + "{\"type\":\"quote\",\"html\":\"We check twice.\",\"cite\":\"The editor\"},"
        + "{\"type\":\"list\",\"ordered\":true,\"items\":[\"Ask\",\"Check\"]},"
        + "{\"type\":\"embed\",\"url\":\"https://youtu.be/dQw4w9WgXcQ\",\"title\":\"A tour\"},"
        + "{\"type\":\"image\",\"photo\":" + photo + "},"
        + "{\"type\":\"related\",\"article\":" + story + "}");
    var created = editor.postForm("/admin/pages", inBlocks("Our team", "team", first, "publish"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
    long id = idFrom(created.headers().firstValue("Location").orElseThrow());
    var stored = site.newsroom().pages().byId(id).orElseThrow();
    var firstBlocks = List.<Block>of(
        new Block.Heading(2, "Who we are"),
        new Block.Paragraph("A <strong>small</strong> newsroom."),
        new Block.ImageBlock(photo, "The desk at night", "Own credit", ""),
        new Block.Quote("We check twice.", "The editor"),
        new Block.ListBlock(true, List.of("Ask", "Check")),
        new Block.Embed("youtube", "https://youtu.be/dQw4w9WgXcQ", "A tour"),
        new Block.ImageBlock(photo, "", "", ""),
        new Block.RelatedLink(story));
    assertThat(stored.body()).containsExactlyElementsOf(firstBlocks);
    // The Markdown kept beside the blocks is made from them, for revisions and the Markdown switch.
    assertThat(stored.markdown()).contains("## Who we are", "](image:" + photo);

    // Readers see the article's blocks: figures with renditions, caption and credit (the block's
    // own, else the photo desk's), the quote, the list and the YouTube facade behind a click.
    var page = site.get("/page/team");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<h2>Who we are</h2>", "<strong>small</strong>")
        .contains("<figure class=\"photo\">", "srcset=\"", "alt=\"Desks by a window\"")
        .contains("<span class=\"caption\">The desk at night</span>")
        .contains("<span class=\"credit\">Own credit</span>")
        .contains("<span class=\"caption\">Our newsroom</span>")
        .contains("<span class=\"credit\">Desk Photo/Byline</span>")
        .contains("<blockquote><p>We check twice.</p><footer>— The editor</footer></blockquote>")
        .contains("<ol><li>Ask</li><li>Check</li></ol>")
        .contains("class=\"video-facade\"")
        .contains("data-embed-src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\"")
        .contains("class=\"read-link\"", ">Ferry line reopens</a>")
        .doesNotContain("<iframe");
    assertThat(page.headers().firstValue("Surrogate-Key").orElseThrow())
        .contains("page:" + id, "image:" + photo, "article:" + story);

    // The photo desk names the page among those readers see the photo on, and a new caption
    // there purges the cached page, as it does an article.
    assertThat(editor.get("/admin/photos/" + photo).body())
        .contains("Readers see this photo on “Our team”");
    var recaptioned = editor.postForm(
        "/admin/photos/" + photo,
        Map.of(
            "caption",
            "Our newsroom by day",
            "credit",
            "Desk Photo/Byline",
            "alt",
            "Desks by a window"));
    assertThat(recaptioned.statusCode()).isLessThan(400);
    Eventually.await(
        "the page with the new caption",
        Duration.ofSeconds(10),
        () -> site.get("/page/team").body().contains("Our newsroom by day"));

    // Reopened, the editor offers the block editor with the stored document.
    var edit = editor.get("/admin/pages/" + id).body();
    assertThat(edit)
        .contains("data-block-editor", "data-preferred=\"blocks\"", "name=\"body-json\"")
        .contains("image:" + photo, "block-editor")
        .contains("<textarea id=\"body\" name=\"body\"");

    var second = inBlocks(
        "Our team", "team", doc("{\"type\":\"heading\",\"level\":2,\"text\":\"New\"}"), "publish");
    second.put("version", Integer.toString(stored.version()));
    assertThat(editor.postForm("/admin/pages/" + id, second).statusCode()).isEqualTo(303);
    assertThat(site.newsroom().pages().byId(id).orElseThrow().body())
        .containsExactly(new Block.Heading(2, "New"));
    assertThat(site.get("/page/team").body()).doesNotContain("Who we are");

    // A stale save is refused and what was typed is kept, still in the block editor.
    var stale = inBlocks(
        "Lost", "team", doc("{\"type\":\"heading\",\"level\":2,\"text\":\"Lost\"}"), "save");
    stale.put("version", Integer.toString(stored.version()));
    var refused = editor.postForm("/admin/pages/" + id, stale);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("saved by someone else", "value=\"Lost\"", "data-preferred=\"blocks\"");

    // Restoring the first revision gives back its blocks exactly, the photo's own credit too,
    // which Markdown has no place for.
    var revisions = site.newsroom().pages().revisions(id);
    var oldest = revisions.get(revisions.size() - 1);
    assertThat(oldest.inBlocks()).isTrue();
    var restore = editor.postForm("/admin/pages/" + id + "/restore/" + oldest.id(), Map.of());
    assertThat(restore.statusCode()).isEqualTo(303);
    assertThat(site.newsroom().pages().byId(id).orElseThrow().body())
        .containsExactlyElementsOf(firstBlocks);
    assertThat(site.newsroom().pages().revisions(id).get(0).document()).isEqualTo(first);
    assertThat(site.get("/page/team").body()).contains("Own credit", "video-facade");
  }

  @Test
  void a_hostile_or_broken_block_document_is_refused_naming_the_block_and_field() {
    editor.get("/admin/pages/new");
    var hostile = doc("{\"type\":\"paragraph\",\"html\":\"Fine\"},"
        + "{\"type\":\"paragraph\",\"html\":\"<a href=\\\"javascript:alert(1)\\\">x</a>\"}");
    var r = editor.postForm("/admin/pages", inBlocks("Hostile", "hostile", hostile, "publish"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains("Body block 2 (paragraph) field \"html\" has markup the site does not allow")
        .contains("value=\"" + hostile.replace("\"", "&#34;").replace("<", "&lt;") + "\"")
        .contains("data-preferred=\"blocks\"", "value=\"Hostile\"");

    var cases = Map.of(
        doc("{\"type\":\"poll\",\"question\":\"?\"}"),
        "Body block 1 has unknown type \"poll\"",
        doc("{\"type\":\"image\",\"photo\":\"seven\"}"),
        "Body block 1 (image) field \"photo\"",
        doc("{\"type\":\"image\",\"photo\":999999}"),
        "Body uses photo 999999, which is not in the photo desk",
        doc("{\"type\":\"embed\",\"url\":\"javascript:alert(1)\"}"),
        "Body block 1 (embed) field \"url\"",
        "{not json",
        "Body is not valid JSON");
    cases.forEach((document, message) -> {
      var refused =
          editor.postForm("/admin/pages", inBlocks("Broken", "broken", document, "publish"));
      assertThat(refused.statusCode()).as(document).isEqualTo(400);
      assertThat(refused.body()).as(document).contains(message);
    });
    assertThat(site.newsroom().pages().all())
        .extracting(p -> p.slug())
        .doesNotContain("hostile", "broken");
    assertThat(site.get("/page/hostile").statusCode()).isEqualTo(404);

    // Over a stored page, a refused document changes nothing.
    var ok = editor.postForm(
        "/admin/pages",
        inBlocks("Kept", "kept", doc("{\"type\":\"paragraph\",\"html\":\"Kept.\"}"), "publish"));
    long id = idFrom(ok.headers().firstValue("Location").orElseThrow());
    var before = site.newsroom().pages().byId(id).orElseThrow();
    var bad = inBlocks("Kept", "kept", hostile, "publish");
    bad.put("version", Integer.toString(before.version()));
    assertThat(editor.postForm("/admin/pages/" + id, bad).statusCode()).isEqualTo(400);
    assertThat(site.newsroom().pages().byId(id).orElseThrow()).isEqualTo(before);
    assertThat(site.newsroom().pages().revisions(id)).hasSize(1);
  }

  @Test
  void the_demo_pages_render_through_the_block_tags(@TempDir Path demoDir) {
    try (var demo = TestSite.start(demoDir)) {
      assertThat(demo.newsroom().demoPages().seed()).isEqualTo(3);
      assertThat(demo.get("/page/about").body())
          .contains("<h1>About us</h1>", "<h2>What we cover</h2>", "<li>We name our sources");
      assertThat(demo.get("/page/imprint").body())
          .contains("<strong>Byline Demo Newsroom</strong>");
      assertThat(demo.get("/page/privacy").body())
          .contains("<h2>Your rights</h2>", "href=\"/cookies\"");
    }
  }
}
